"""The names the command line goes by and reads: its program name, environment variables, defaults."""

from __future__ import annotations

PROG = "prolific-client"
TOKEN_ENV = "PROLIFIC_TOKEN"
URL_ENV = "PROLIFIC_URL"
PROFILE_ENV = "PROLIFIC_PROFILE"
DEFAULT_URL = "https://api.prolific.com"
SAMPLE_TOKEN = "fake-token"
#: How many problems of a refused credentials file create/add/upload print (check prints all).
MAX_PROBLEMS_SHOWN = 20
