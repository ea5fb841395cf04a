package io.worklane.simulation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * The router's executor in a simulation: the routing that a committed transaction asks for waits here until
 * {@link VirtualDay} runs it, on its own thread, at the same virtual instant. So each run is one thread and gives
 * the same result every time.
 */
@Component("routingExecutor")
@Profile(SimulationRun.PROFILE)
class DeferredRouting extends ThreadPoolTaskExecutor {

    private final transient Deque<Runnable> pending = new ArrayDeque<>();

    @Override
    public void execute(Runnable task) {
        pending.add(task);
    }

    @Override
    public Future<?> submit(Runnable task) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        pending.add(() -> {
            task.run();
            done.complete(null);
        });
        return done;
    }

    @Override
    public <T> Future<T> submit(Callable<T> task) {
        CompletableFuture<T> done = new CompletableFuture<>();
        pending.add(() -> {
            try {
                done.complete(task.call());
            }
            catch (Exception e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /** Runs what is waiting, and what that asks for in turn. @return how many ran */
    int runPending() {
        int ran = 0;
        Runnable next;
        while ((next = pending.poll()) != null) {
            next.run();
            ran++;
        }
        return ran;
    }

    @Override
    public void initialize() {
        // no threads: nothing runs but through runPending
    }

    @Override
    public void shutdown() {
        pending.clear();
    }
}
