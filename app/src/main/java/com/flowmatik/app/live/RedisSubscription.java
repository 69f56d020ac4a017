package com.flowmatik.app.live;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Starts a listener container in the background and tries again every {@link #RETRY} until Redis
 * answers; once subscribed, Lettuce reconnects and subscribes again by itself. Until then this
 * instance misses the other instances' broadcasts, and says so once in the log.
 */
final class RedisSubscription implements InitializingBean, DisposableBean {

    static final Duration RETRY = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(RedisSubscription.class);

    private final RedisMessageListenerContainer container;
    private final Thread starter;

    RedisSubscription(RedisMessageListenerContainer container) {
        this.container = container;
        this.starter = new Thread(this::startWhenRedisAnswers, "redis-subscription");
        this.starter.setDaemon(true);
    }

    @Override
    public void afterPropertiesSet() {
        starter.start();
    }

    private void startWhenRedisAnswers() {
        boolean warned = false;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                container.start();
                if (container.isListening()) {
                    if (warned) {
                        log.info("Subscribed to the broadcasts of the other instances");
                    }
                    return;
                }
            } catch (RuntimeException unreachable) {
                if (!warned) {
                    log.warn(
                            "Broadcasts of the other instances are missed until Redis answers: {}",
                            unreachable.toString());
                    warned = true;
                }
                container.stop();
            }
            try {
                Thread.sleep(RETRY.toMillis());
            } catch (InterruptedException stopping) {
                return;
            }
        }
    }

    @Override
    public void destroy() {
        starter.interrupt();
    }
}
