"""Cue words for language 'tr' (see cues.py)."""
