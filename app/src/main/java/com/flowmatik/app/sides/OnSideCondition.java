package com.flowmatik.app.sides;

import java.util.Map;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

class OnSideCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnSide.class.getName());
        Side side = (Side) attributes.get("value");
        return Side.enabledIn(context.getEnvironment()).contains(side);
    }
}
