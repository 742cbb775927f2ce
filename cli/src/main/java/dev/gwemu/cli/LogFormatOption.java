package dev.gwemu.cli;

import dev.gwemu.server.RequestLog;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Locale;

/** {@code --log-format text|json}, in lower case as users type it. */
final class LogFormatOption implements ITypeConverter<RequestLog.Format> {
    @Override
    public RequestLog.Format convert(String value) {
        try {
            return RequestLog.Format.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + value + "' is not a log format: text or json");
        }
    }
}
