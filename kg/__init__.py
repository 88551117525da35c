"""zhgov-kg: Chinese government and party news into a knowledge graph.

The pipeline runs one way, one module per stage:
ingest -> normalise -> extract -> resolve -> graph -> store, and query / viz read
what store wrote.  ``kg.pipeline.build`` runs it all; the CLI only calls it.
"""

__version__ = "0.1.0"
