# After adoption and the library's writes: the unmodified Django app reads what the library wrote and creates one
# row of every seed model. Prints one JSON line with the new ids for the library to read back.
import json
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth.models import User
from django.utils import timezone

from crush_lu.models import (ConnectionMessage, CrushCoach, CrushProfile, EventConnection, EventRegistration,
                             JourneyChallenge, JourneyChapter, JourneyConfiguration, JourneyProgress, JourneyReward,
                             MeetupEvent, ProfileSubmission, SpecialUserExperience)
from entreprinder.models import EntrepreneurProfile, Industry, Skill
from matching.models import Like, Match
from vinsdelux.models import VdlAdoptionPlan, VdlCoffret, VdlPlot, VdlPlotReservation, VdlProducer

now = timezone.now()

# --- what the library wrote reads back right in Django
david = User.objects.get(username='david')
assert david.date_joined.tzinfo is not None and abs(david.date_joined - now) < timedelta(hours=1), david.date_joined
registration = EventRegistration.objects.get(user__username='anna', event__title='Speed Dating Night')
assert registration.status == 'confirmed', registration.status
reservation = VdlPlotReservation.objects.get(user=david)
assert reservation.expires_at > reservation.created_at
window = VdlPlotReservation.objects.filter(created_at__gte=reservation.created_at - timedelta(seconds=1),
                                           created_at__lte=reservation.created_at)
assert window.count() == 1, 'range filter over a row the library wrote'
assert not VdlPlotReservation.objects.filter(created_at__gt=reservation.created_at).exists()
assert Match.objects.filter(user1__username__in=['ben', 'carla'], user2__username__in=['ben', 'carla']).count() == 1
assert list(CrushProfile.objects.get(user__username='anna').interests) == ['wine', 'hiking']
assert Industry.objects.filter(name__iexact='biotech').count() == 2  # kept: Django allows it
Industry.objects.create(name='BIOTECH')  # and still does after adoption
plan = VdlAdoptionPlan.objects.get(name='One year')
assert plan.price == Decimal('240.00'), plan.price

# --- the Django app creates one row of every seed model
ids = {}
erin = User.objects.create_user('erin', 'ANNA@example.lu', 'pw', first_name='Erin', last_name='Lang')  # case-only twin
ids['user'] = erin.id
industry = Industry.objects.create(name='Green Energy')
skill = Skill.objects.create(name='Rust')
ids['industry'], ids['skill'] = industry.id, skill.id
entrepreneur = EntrepreneurProfile.objects.create(user=erin, headline='Solar founder', bio='Builds solar farms.',
                                                  profile_photo='profiles/e.png')
entrepreneur.industries.add(industry)
entrepreneur.skills.add(skill)
ids['entrepreneurprofile'] = entrepreneur.id
anna = User.objects.get(username='anna')
ids['match'] = Match.objects.create(user1=erin, user2=anna).id  # higher id first
ids['like'] = Like.objects.create(from_user=erin, to_user=anna).id
producer = VdlProducer.objects.create(name='Clos Erin', region='Moselle', description='New.', logo='producers/e.png',
                                      coordinates={'type': 'Point', 'coordinates': [6.3, 49.6]})
coffret = VdlCoffret.objects.create(name='Twelve', bottles=12, description='Twelve bottles')
adoption = VdlAdoptionPlan.objects.create(name='Two years', price=Decimal('420.50'), duration_months=24, coffret=coffret)
plot = VdlPlot.objects.create(producer=producer, name='Erin parcel', size_hectares=Decimal('1.50'),
                              grape_varieties='Pinot gris', soil_type='marl', elevation=180)
plot.adoption_plans.add(adoption)
ids['producer'], ids['coffret'], ids['plan'], ids['plot'] = producer.id, coffret.id, adoption.id, plot.id
ids['reservation'] = VdlPlotReservation.objects.create(user=erin, plot=plot, expires_at=now + timedelta(days=1)).id
profile = CrushProfile.objects.create(user=erin, date_of_birth='1990-01-01', gender='F', location='Esch',
                                      bio='Hi.', phone='456', photo_1='crush_profiles/e.jpg', interests=['cycling'])
ids['crushprofile'] = profile.id
coach = CrushCoach.objects.create(user=User.objects.get(username='ben'), specialization='Dating', bio='Coach.')
ids['coach'] = coach.id
ids['submission'] = ProfileSubmission.objects.create(profile=profile, coach=coach).id
event = MeetupEvent.objects.create(title='Wine Mixer', description='Wine and talk', event_type='mixer',
                                   event_date=now + timedelta(days=20), location='Remich', max_participants=20,
                                   registration_fee=Decimal('15.00'), registration_deadline=now + timedelta(days=15),
                                   is_published=True)
event.special_users.add(erin)
ids['event'] = event.id
ids['registration'] = EventRegistration.objects.create(event=event, user=erin).id
connection = EventConnection.objects.create(event=event, from_user=erin, to_user=anna)
ids['connection'] = connection.id
ids['message'] = ConnectionMessage.objects.create(connection=connection, sender=erin, content='Hello!').id
journey = JourneyConfiguration.objects.create(name="Erin's journey", description='A story')
chapter = JourneyChapter.objects.create(journey=journey, chapter_number=1, title='Start', description='The start')
ids['journey'], ids['chapter'] = journey.id, chapter.id
ids['challenge'] = JourneyChallenge.objects.create(chapter=chapter, challenge_type='riddle', question='Capital?',
                                                   correct_answer='Luxembourg').id
ids['reward'] = JourneyReward.objects.create(chapter=chapter, reward_type='poem', title='Poem', content='Roses').id
ids['progress'] = JourneyProgress.objects.create(user=erin, journey=journey).id
ids['special'] = SpecialUserExperience.objects.create(user=erin, journey=journey, custom_welcome_message='Hi').id
print('IDS ' + json.dumps(ids))
