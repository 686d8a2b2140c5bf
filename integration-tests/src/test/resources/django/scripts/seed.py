# Rows the Django app writes before adoption: clean ones, plus the dirty ones the dry run must name.
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.models import User
from django.utils import timezone

from crush_lu.models import CrushProfile, MeetupEvent
from entreprinder.models import Industry, Skill
from matching.models import Match
from vinsdelux.models import VdlAdoptionPlan, VdlCoffret, VdlPlot, VdlProducer

pg = 'postgresql' in settings.DATABASES['default']['ENGINE']
now = timezone.now()
anna = User.objects.create_user('anna', 'Anna@Example.lu', 'pw', first_name='Anna', last_name='Muller')
anna2 = User.objects.create_user('anna2', 'anna@example.lu', 'pw', first_name='Anna', last_name='Two')  # e-mail differs only in case
ben = User.objects.create_user('ben', 'ben@example.lu', 'pw', first_name='Ben', last_name='Weber')
carla = User.objects.create_user('carla', 'carla@example.lu', 'pw', first_name='Carla', last_name='Rossi')
Match.objects.create(user1=ben, user2=anna)   # (higher, lower): legal in the seed's model
Match.objects.create(user1=anna, user2=ben)   # the same pair in the other order: dirty
Industry.objects.create(name='Biotech')
Industry.objects.create(name='biotech')       # differs only in case: dirty
Skill.objects.create(name='Java')
producer = VdlProducer.objects.create(name='Domaine Hartmann', region='Moselle', description='Family estate.',
                                      logo='producers/h.png', coordinates={'type': 'Polygon', 'coordinates': []})  # malformed GeoJSON
coffret = VdlCoffret.objects.create(name='Six', bottles=6, description='Six bottles')
plan = VdlAdoptionPlan.objects.create(name='One year', price=Decimal('240.00'), duration_months=12, coffret=coffret)
plot = VdlPlot.objects.create(producer=producer, name='Koeppchen A', size_hectares=Decimal('0.25'),
                              grape_varieties='Riesling', soil_type='limestone', elevation=210,
                              coordinates={'type': 'Point', 'coordinates': [6.35, 49.55]})
plot.adoption_plans.add(plan)
for user, born in ((anna, '1994-03-01'), (ben, '1992-05-05'), (carla, '1996-07-07')):
    CrushProfile.objects.create(user=user, date_of_birth=born, gender='F', location='Luxembourg', bio='Likes wine.',
                                phone='123', photo_1='crush_profiles/p.jpg', is_approved=True, approved_at=now,
                                interests=['wine', 'hiking'])
if not pg:
    profile = CrushProfile.objects.get(user=carla)
    profile.interests = 'hiking'              # not a list (JSONField accepts it): dirty
    profile.save()
MeetupEvent.objects.create(title='Speed Dating Night', description='Meet people', event_type='speed_dating',
                           event_date=now + timedelta(days=10), location='Luxembourg', max_participants=10,
                           registration_deadline=now + timedelta(days=5), is_published=True)
print('SEEDED')
