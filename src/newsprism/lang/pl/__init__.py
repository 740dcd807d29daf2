"""Cue words for language 'pl' (see cues.py)."""
