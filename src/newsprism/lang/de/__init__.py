"""Cue words for language 'de' (see cues.py)."""
