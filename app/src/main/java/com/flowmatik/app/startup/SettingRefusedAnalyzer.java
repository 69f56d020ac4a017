package com.flowmatik.app.startup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a {@link SettingRefused}, wherever in the start it was thrown, without its stack trace. */
class SettingRefusedAnalyzer extends AbstractFailureAnalyzer<SettingRefused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SettingRefused cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
