"""Stage 2 (history): the corpus and time — identifiers, the corpus graph and index, dating, timelines,
what was in force on a day, the corpus rebuild and its atomic output."""

# The cyclic GC of a process that builds and drops frozen trees (which hold no cycles: reference
# counting frees them; the amender's recursive walks are module functions, not self-calling closures,
# which were cycles holding whole trees): first generation every 100,000 objects, not Python's 700,
# the older ones 50 times rarer each. In a cold `rebuild --jobs 2` of the development corpus a worker
# then collects 2 times and finds 7 objects (at 20,000/10/10: 16 times, ~0.5 s CPU), peak RSS the same.
# Set by the rebuild's workers (history.workers) and by the CLI before a command's imports; here,
# where importing it costs nothing, so that the CLI need not import the process pool to read it.
GC_THRESHOLD = (100_000, 50, 50)
