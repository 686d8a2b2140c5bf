#!/usr/bin/env python3
"""The seed's Django app, rebuilt from ../shared/seeds/001 for the library's coexistence tests (issue 15)."""
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "seedproject.settings")
    from django.core.management import execute_from_command_line
    execute_from_command_line(sys.argv)
