package com.flowmatik.app.startup;

/**
 * A setting the platform cannot start with. {@link SettingRefusedAnalyzer} reports it as one line,
 * the setting and its problem, and what to do about it.
 */
public class SettingRefused extends RuntimeException {

    private final String setting;
    private final String action;

    /**
     * @param setting the environment variable to change, as the README names it
     * @param problem what is wrong with it, completing a sentence that starts with the setting
     * @param action what to do, in one sentence
     */
    public SettingRefused(String setting, String problem, String action) {
        super(setting + " " + problem);
        this.setting = setting;
        this.action = action;
    }

    public String setting() {
        return setting;
    }

    public String action() {
        return action;
    }
}
