# What the dry run's refusals ask for.
from django.conf import settings

from crush_lu.models import CrushProfile
from matching.models import Match

Match.objects.filter(user1__username='anna', user2__username='ben').delete()
if 'postgresql' not in settings.DATABASES['default']['ENGINE']:
    profile = CrushProfile.objects.get(user__username='carla')
    profile.interests = ['hiking']
    profile.save()
print('CLEANED')
