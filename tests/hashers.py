"""Argon2 with the cheapest parameters, for tests only: the same algorithm as production, far less CPU a hash."""

from django.contrib.auth.hashers import Argon2PasswordHasher


class FastArgon2PasswordHasher(Argon2PasswordHasher):
    time_cost = 1
    memory_cost = 8
    parallelism = 1
