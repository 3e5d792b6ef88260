"""Stage 2 (history): the corpus and time — identifiers, the corpus graph and index, dating, timelines,
what was in force on a day, the corpus rebuild and its atomic output."""

# The cyclic GC of a process that builds and drops frozen trees (which hold no cycles: reference
# counting frees them): first generation every 20,000 objects, not Python's 700. Set by the rebuild's
# workers (history.workers) and by the CLI before a command's imports; here, where importing it costs
# nothing, so that the CLI need not import the process pool to read it.
GC_THRESHOLD = (20_000, 10, 10)
