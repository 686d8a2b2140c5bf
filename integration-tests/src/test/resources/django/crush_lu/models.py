import os

from django.conf import settings
from django.contrib.auth.models import User
from django.db import models

# The seed's PostgreSQL section declares interests as an ArrayField; elsewhere (SQLite) a JSON list. Adoption converts
# the PostgreSQL array into the library's JSON list (V7), after which the Django app must declare it as a JSONField
# (a state-only migration, see schema/MIGRATIONS.md): SEED_INTERESTS=json is that model.
if 'postgresql' in settings.DATABASES['default']['ENGINE'] and os.environ.get('SEED_INTERESTS') != 'json':
    from django.contrib.postgres.fields import ArrayField

    def _interests():
        return ArrayField(models.CharField(max_length=50), default=list)
else:
    def _interests():
        return models.JSONField(default=list)


class CrushProfile(models.Model):
    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name='crushprofile')
    date_of_birth = models.DateField()
    gender = models.CharField(max_length=20)
    location = models.CharField(max_length=100)
    bio = models.TextField()
    phone = models.CharField(max_length=20)
    photo_1 = models.ImageField(upload_to='crush_profiles/')
    photo_2 = models.ImageField(upload_to='crush_profiles/', blank=True)
    photo_3 = models.ImageField(upload_to='crush_profiles/', blank=True)
    show_full_name = models.BooleanField(default=True)
    show_exact_age = models.BooleanField(default=True)
    blur_photos = models.BooleanField(default=False)
    is_approved = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    interests = _interests()


class CrushCoach(models.Model):
    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name='crushcoach')
    specialization = models.CharField(max_length=100)
    bio = models.TextField()
    max_active_reviews = models.IntegerField(default=10)


class ProfileSubmission(models.Model):
    class Status(models.TextChoices):
        PENDING = 'pending', 'Pending'
        APPROVED = 'approved', 'Approved'
        REJECTED = 'rejected', 'Rejected'
        REVISION = 'revision', 'Revision Requested'

    profile = models.ForeignKey(CrushProfile, on_delete=models.CASCADE, related_name='submissions')
    coach = models.ForeignKey(CrushCoach, on_delete=models.SET_NULL, null=True, related_name='submissions')
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    coach_notes = models.TextField(blank=True)
    feedback_to_user = models.TextField(blank=True)

    class Meta:
        ordering = ['-created_at']


class MeetupEvent(models.Model):
    class EventType(models.TextChoices):
        SPEED_DATING = 'speed_dating', 'Speed Dating'
        MIXER = 'mixer', 'Social Mixer'
        ACTIVITY = 'activity', 'Activity Meetup'
        THEMED = 'themed', 'Themed Event'

    title = models.CharField(max_length=200)
    description = models.TextField()
    event_type = models.CharField(max_length=20, choices=EventType.choices)
    event_date = models.DateTimeField()
    location = models.CharField(max_length=200)
    max_participants = models.IntegerField()
    min_age = models.IntegerField(default=18)
    max_age = models.IntegerField(default=99)
    registration_fee = models.DecimalField(max_digits=6, decimal_places=2, default=0)
    registration_deadline = models.DateTimeField()
    is_published = models.BooleanField(default=False)
    is_private_invitation = models.BooleanField(default=False)
    invitation_code = models.CharField(max_length=50, blank=True)
    special_users = models.ManyToManyField(User, blank=True, related_name='invited_events')

    class Meta:
        ordering = ['event_date']
        indexes = [
            models.Index(fields=['event_date', 'is_published']),
            models.Index(fields=['is_private_invitation']),
        ]


class EventRegistration(models.Model):
    class Status(models.TextChoices):
        PENDING = 'pending', 'Pending'
        CONFIRMED = 'confirmed', 'Confirmed'
        WAITLIST = 'waitlist', 'Waitlist'
        ATTENDED = 'attended', 'Attended'
        NO_SHOW = 'no_show', 'No Show'
        CANCELLED = 'cancelled', 'Cancelled'

    event = models.ForeignKey(MeetupEvent, on_delete=models.CASCADE, related_name='registrations')
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name='event_registrations')
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    payment_confirmed = models.BooleanField(default=False)
    payment_date = models.DateTimeField(null=True, blank=True)
    dietary_restrictions = models.TextField(blank=True)
    special_requests = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        unique_together = ['event', 'user']
        indexes = [
            models.Index(fields=['event', 'status']),
        ]


class EventConnection(models.Model):
    class Status(models.TextChoices):
        PENDING = 'pending', 'Pending'
        CONNECTED = 'connected', 'Connected'
        DECLINED = 'declined', 'Declined'

    event = models.ForeignKey(MeetupEvent, on_delete=models.CASCADE, related_name='connections')
    from_user = models.ForeignKey(User, on_delete=models.CASCADE, related_name='connections_sent')
    to_user = models.ForeignKey(User, on_delete=models.CASCADE, related_name='connections_received')
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    connected_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        unique_together = ['event', 'from_user', 'to_user']


class ConnectionMessage(models.Model):
    connection = models.ForeignKey(EventConnection, on_delete=models.CASCADE, related_name='messages')
    sender = models.ForeignKey(User, on_delete=models.CASCADE, related_name='messages_sent')
    content = models.TextField()
    is_read = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ['created_at']


class JourneyConfiguration(models.Model):
    name = models.CharField(max_length=200)
    description = models.TextField()
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)


class JourneyChapter(models.Model):
    journey = models.ForeignKey(JourneyConfiguration, on_delete=models.CASCADE, related_name='chapters')
    chapter_number = models.IntegerField()
    title = models.CharField(max_length=200)
    description = models.TextField()

    class Meta:
        ordering = ['chapter_number']
        unique_together = ['journey', 'chapter_number']


class JourneyChallenge(models.Model):
    class ChallengeType(models.TextChoices):
        RIDDLE = 'riddle', 'Riddle'
        MULTIPLE_CHOICE = 'multiple_choice', 'Multiple Choice'
        WORD_SCRAMBLE = 'word_scramble', 'Word Scramble'
        TIMELINE_SORT = 'timeline_sort', 'Timeline Sort'
        WOULD_YOU_RATHER = 'would_you_rather', 'Would You Rather'
        OPEN_TEXT = 'open_text', 'Open Text'

    chapter = models.ForeignKey(JourneyChapter, on_delete=models.CASCADE, related_name='challenges')
    challenge_type = models.CharField(max_length=30, choices=ChallengeType.choices)
    question = models.TextField()
    correct_answer = models.CharField(max_length=500)
    options = models.JSONField(null=True, blank=True)
    hint = models.TextField(blank=True)
    order = models.IntegerField(default=0)

    class Meta:
        ordering = ['order']


class JourneyReward(models.Model):
    class RewardType(models.TextChoices):
        POEM = 'poem', 'Poem'
        PHOTO_REVEAL = 'photo_reveal', 'Photo Reveal'
        FUTURE_LETTER = 'future_letter', 'Future Letter'

    chapter = models.ForeignKey(JourneyChapter, on_delete=models.CASCADE, related_name='rewards')
    reward_type = models.CharField(max_length=20, choices=RewardType.choices)
    title = models.CharField(max_length=200)
    content = models.TextField()
    photo = models.ImageField(upload_to='journey_rewards/', blank=True)


class JourneyProgress(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name='journey_progress')
    journey = models.ForeignKey(JourneyConfiguration, on_delete=models.CASCADE)
    current_chapter = models.IntegerField(default=1)
    completed_challenges = models.JSONField(default=list)
    unlocked_rewards = models.JSONField(default=list)
    completed = models.BooleanField(default=False)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        unique_together = ['user', 'journey']


class SpecialUserExperience(models.Model):
    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name='special_experience')
    journey = models.ForeignKey(JourneyConfiguration, on_delete=models.SET_NULL, null=True)
    custom_welcome_message = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
