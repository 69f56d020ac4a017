package com.flowmatik.app.replay;

/** A projection that can be replayed, as its processor is now, with its latest replay if any. */
public record Projection(String name, boolean running, boolean replaying, Long position, Replay lastReplay) {}
