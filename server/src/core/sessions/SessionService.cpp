#include "core/sessions/SessionService.h"

namespace tessera::core {

Status SessionService::audit(Poco::Data::Session& s, const Caller& caller, const std::string& sessionId,
                             const std::string& reason, std::map<std::string, std::string> details) {
    AuditEvent e;
    e.event = "session.ended";
    e.actor = e.subject = caller.session.accountId;
    e.clientAddress = caller.clientAddress;
    details["reason"] = reason;
    if (!sessionId.empty()) details["session"] = sessionId;
    details["endedBy"] = caller.session.publicId;
    e.details = std::move(details);
    return ctx_.audit.append(s, e);
}

std::vector<ListedSession> SessionService::listMine(const Caller& caller) {
    std::vector<ListedSession> out;
    for (auto& s : ctx_.sessions.listActive(caller.session.accountId)) {
        const bool current = s.publicId == caller.session.publicId;
        out.push_back({std::move(s), current});
    }
    return out;
}

Status SessionService::endOne(const Caller& caller, const std::string& publicId) {
    return ctx_.db.transaction<void>([&](Poco::Data::Session& s) -> Status {
        if (auto ended = ctx_.sessions.end(s, caller.session.accountId, publicId); !ended) return ended;
        return audit(s, caller, publicId, publicId == caller.session.publicId ? "signed_out" : "ended_by_owner");
    });
}

Result<int> SessionService::endEverywhere(const Caller& caller) {
    return ctx_.db.transaction<int>([&](Poco::Data::Session& s) -> Result<int> {
        // "Everywhere" includes here: end the others, then this one.
        auto others = ctx_.sessions.endAll(s, caller.session.accountId, caller.session.publicId);
        if (!others) return others.error();
        if (auto ended = ctx_.sessions.endByToken(s, caller.token); !ended) return ended.error();
        const int total = *others + 1;
        if (auto audited = audit(s, caller, "", "signed_out_everywhere", {{"count", std::to_string(total)}});
            !audited)
            return audited.error();
        return total;
    });
}

Status SessionService::signOut(const Caller& caller, const std::string& reason,
                               std::map<std::string, std::string> details) {
    return ctx_.db.transaction<void>([&](Poco::Data::Session& s) -> Status {
        if (auto ended = ctx_.sessions.endByToken(s, caller.token); !ended) return ended;
        return audit(s, caller, caller.session.publicId, reason, details);
    });
}

}  // namespace tessera::core
