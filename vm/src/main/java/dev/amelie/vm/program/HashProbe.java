package dev.amelie.vm.program;

/** The operand of HASH_PROBE: which hashed row set to probe, and how many key registers. */
public record HashProbe(int rowSet, int keyCount) {}
