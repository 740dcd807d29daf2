"""Cue words for language 'fr' (see cues.py)."""
