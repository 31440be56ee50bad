package dev.amelie.compute.node;

/** Work a compute node takes from its inbox and runs on its own thread, to completion. */
@FunctionalInterface
public interface NodeTask {
    void runOn(ComputeNode node);
}
