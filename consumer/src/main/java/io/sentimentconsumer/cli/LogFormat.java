package io.sentimentconsumer.cli;

import io.sentimentconsumer.log.EventLog;

/** How a command writes its log lines: {@code worker} and {@code replay}. */
enum LogFormat {
    /** JSON unless a person is watching: a worker under a supervisor (ECS, systemd) has no console. */
    AUTO,
    TEXT,
    JSON;

    EventLog.Format resolve(boolean console) {
        return switch (this) {
            case TEXT -> EventLog.Format.TEXT;
            case JSON -> EventLog.Format.JSON;
            case AUTO -> console ? EventLog.Format.TEXT : EventLog.Format.JSON;
        };
    }
}
