#pragma once
// The embedded default mailer: every message becomes one RFC 5322 file, DIR/<time>-<random>.eml,
// for an operator (or a test, or a local MTA's pickup job) to read. Files appear atomically
// (written to a hidden ".*.tmp" file, flushed, renamed), so a reader listing "*.eml" never sees
// half a message. File names sort by the time they were written.
#include <string>

#include "infra/Clock.h"
#include "infra/mail/Mailer.h"

namespace tessera::infra {

class OutboxMailer final : public Mailer {
public:
    // `directory` is created (mode 0700, with missing parents) on the first send if missing.
    // `from` is "addr" or "Name <addr>". `clock` must outlive the mailer.
    OutboxMailer(std::string directory, std::string from, const Clock& clock);

    Status send(const MailMessage& message) override;

    const std::string& directory() const { return directory_; }

private:
    std::string directory_;
    std::string from_;
    const Clock& clock_;
};

}  // namespace tessera::infra
