"""Cue words for language 'ru' (see cues.py)."""
