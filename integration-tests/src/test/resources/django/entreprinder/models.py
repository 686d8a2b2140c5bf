from django.contrib.auth.models import User
from django.db import models


class EntrepreneurProfile(models.Model):
    user = models.OneToOneField(User, on_delete=models.CASCADE)
    headline = models.CharField(max_length=200)
    bio = models.TextField()
    industries = models.ManyToManyField('Industry')
    skills = models.ManyToManyField('Skill')
    linkedin_url = models.URLField(blank=True)
    profile_photo = models.ImageField(upload_to='profiles/')


class Industry(models.Model):
    name = models.CharField(max_length=100, unique=True)


class Skill(models.Model):
    name = models.CharField(max_length=100, unique=True)
