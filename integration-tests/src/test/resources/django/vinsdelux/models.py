from django.contrib.auth.models import User
from django.db import models


class VdlProducer(models.Model):
    name = models.CharField(max_length=200)
    region = models.CharField(max_length=100)
    description = models.TextField()
    logo = models.ImageField(upload_to='producers/')
    coordinates = models.JSONField(null=True)  # GeoJSON


class VdlPlot(models.Model):
    class PlotStatus(models.TextChoices):
        AVAILABLE = 'available', 'Available'
        RESERVED = 'reserved', 'Reserved'
        ADOPTED = 'adopted', 'Adopted'
        UNAVAILABLE = 'unavailable', 'Unavailable'

    producer = models.ForeignKey(VdlProducer, on_delete=models.CASCADE, related_name='plots')
    name = models.CharField(max_length=200)
    status = models.CharField(max_length=20, choices=PlotStatus.choices, default=PlotStatus.AVAILABLE)
    size_hectares = models.DecimalField(max_digits=5, decimal_places=2)
    grape_varieties = models.CharField(max_length=200)
    soil_type = models.CharField(max_length=100)
    elevation = models.IntegerField()
    coordinates = models.JSONField(null=True)
    adoption_plans = models.ManyToManyField('VdlAdoptionPlan', related_name='plots')

    class Meta:
        indexes = [
            models.Index(fields=['status']),
            models.Index(fields=['producer', 'status']),
        ]


class VdlAdoptionPlan(models.Model):
    name = models.CharField(max_length=200)
    price = models.DecimalField(max_digits=8, decimal_places=2)
    duration_months = models.IntegerField()
    coffret = models.ForeignKey('VdlCoffret', on_delete=models.CASCADE)
    is_available = models.BooleanField(default=True)


class VdlCoffret(models.Model):
    name = models.CharField(max_length=200)
    bottles = models.IntegerField()
    description = models.TextField()


class VdlPlotReservation(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name='plot_reservations')
    plot = models.ForeignKey(VdlPlot, on_delete=models.CASCADE, related_name='reservations')
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    is_confirmed = models.BooleanField(default=False)
    notes = models.TextField(blank=True)

    class Meta:
        unique_together = ['user', 'plot']
