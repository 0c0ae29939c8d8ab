package com.govfeedback.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * Sizing of one function: memory (Lambda gives CPU in proportion), time limit, reserved concurrency (a ceiling that
 * also protects the rest of the account) and how long its logs are kept.
 */
public record FunctionSettings(int memoryMb, Duration timeout, int reservedConcurrency, RetentionDays logRetention) {
}
