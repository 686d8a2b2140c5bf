"""Settings of the seed's Django app for the tests. The database comes from the environment:
SEED_DB_ENGINE = postgresql | sqlite3, SEED_DB_NAME (database name or SQLite file), SEED_DB_HOST, SEED_DB_PORT,
SEED_DB_USER."""
import os

SECRET_KEY = "test-only-not-secret"
DEBUG = False
USE_TZ = True
TIME_ZONE = "UTC"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "entreprinder",
    "matching",
    "vinsdelux",
    "crush_lu",
]
_engine = os.environ.get("SEED_DB_ENGINE", "sqlite3")
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends." + _engine,
        "NAME": os.environ.get("SEED_DB_NAME", "seed.sqlite3"),
        "HOST": os.environ.get("SEED_DB_HOST", ""),
        "PORT": os.environ.get("SEED_DB_PORT", ""),
        "USER": os.environ.get("SEED_DB_USER", ""),
    }
}
# ImageField needs Pillow only to read image sizes; the columns are plain varchar(100) paths.
SILENCED_SYSTEM_CHECKS = ["fields.E210"]
