#pragma once
// One JSON object per log line (ts, level, logger, msg), so operators can ship logs as-is.
// A message that is itself a JSON object is embedded as fields rather than quoted.
#include <Poco/Formatter.h>

namespace tessera::infra {

class JsonLogFormatter final : public Poco::Formatter {
public:
    void format(const Poco::Message& msg, std::string& text) override;
};

// Sets up the root logger: JSON or plain text to stderr at the given level.
void configureLogging(const std::string& format, const std::string& level);

}  // namespace tessera::infra
