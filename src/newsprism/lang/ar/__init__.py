"""Cue words for language 'ar' (see cues.py)."""
