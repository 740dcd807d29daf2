"""The corpus layer (issue 6): analysed articles kept in a store and questioned as a collection.

``store.py`` persists documents and their analyses (SQLite by default, PostgreSQL by URL);
``outlets.py`` builds and reads the sourced outlet profiles; ``catalogue.py`` builds and reads the
catalogue of known disinformation narratives.
"""
