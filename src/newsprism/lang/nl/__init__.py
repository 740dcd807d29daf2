"""Cue words for language 'nl' (see cues.py)."""
