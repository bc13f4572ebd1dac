#include "infra/JsonLogFormatter.h"

#include <Poco/AutoPtr.h>
#include <Poco/ConsoleChannel.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/FormattingChannel.h>
#include <Poco/Logger.h>
#include <Poco/Message.h>
#include <Poco/PatternFormatter.h>

namespace tessera::infra {

namespace {

const char* levelName(Poco::Message::Priority p) {
    switch (p) {
        case Poco::Message::PRIO_FATAL: return "fatal";
        case Poco::Message::PRIO_CRITICAL: return "critical";
        case Poco::Message::PRIO_ERROR: return "error";
        case Poco::Message::PRIO_WARNING: return "warning";
        case Poco::Message::PRIO_NOTICE: return "notice";
        case Poco::Message::PRIO_INFORMATION: return "info";
        case Poco::Message::PRIO_DEBUG: return "debug";
        case Poco::Message::PRIO_TRACE: return "trace";
    }
    return "info";
}

void appendEscaped(std::string& out, const std::string& s) {
    for (unsigned char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out += char(c);
                }
        }
    }
}

}  // namespace

void JsonLogFormatter::format(const Poco::Message& msg, std::string& text) {
    text = "{\"ts\":\"";
    text += Poco::DateTimeFormatter::format(msg.getTime(), Poco::DateTimeFormat::ISO8601_FRAC_FORMAT);
    text += "\",\"level\":\"";
    text += levelName(msg.getPriority());
    text += "\",\"logger\":\"";
    appendEscaped(text, msg.getSource());
    const std::string& m = msg.getText();
    if (m.size() >= 2 && m.front() == '{' && m.back() == '}') {
        text += "\",";
        text.append(m, 1, m.size() - 2);  // structured message: its fields join the line
        text += "}";
    } else {
        text += "\",\"msg\":\"";
        appendEscaped(text, m);
        text += "\"}";
    }
}

void configureLogging(const std::string& format, const std::string& level) {
    Poco::AutoPtr<Poco::Formatter> formatter;
    if (format == "json") formatter = new JsonLogFormatter;
    else formatter = new Poco::PatternFormatter("%Y-%m-%d %H:%M:%S.%i %p %s: %t");
    Poco::AutoPtr<Poco::FormattingChannel> channel(new Poco::FormattingChannel(formatter, new Poco::ConsoleChannel));
    Poco::Logger::root().setChannel(channel);
    Poco::Logger::root().setLevel(level);
    // Loggers created before this call keep their old channel; reset the ones we use.
    for (const char* name : {"tessera", "tessera.http", "tessera.store", "tessera.mail", "tessera.audit"}) {
        Poco::Logger::get(name).setChannel(channel);
        Poco::Logger::get(name).setLevel(level);
    }
}

}  // namespace tessera::infra
