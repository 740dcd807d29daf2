"""Cue words for language 'en' (see cues.py)."""
