"""newsprism: one news story through every outlet and language that covers it.

Pipeline stages, one package each: ``ingest`` → ``extract`` → ``language`` →
``metadata`` → (later: nlp, analyse, corpus) → ``report``.  The shared document
model is in :mod:`newsprism.model`, the stage registry and runner in
:mod:`newsprism.pipeline`, and the options object in :mod:`newsprism.options`.
"""

__version__ = "0.1.0"
