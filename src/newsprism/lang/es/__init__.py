"""Cue words for language 'es' (see cues.py)."""
