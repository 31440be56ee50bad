package dev.amelie.vm.program;

/** A secondary index as code names it: by name (plans are made anew when indexes change), and its number of columns. */
public record IndexRef(String name, int width) {}
