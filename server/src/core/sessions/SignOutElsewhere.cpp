#include "core/sessions/SignOutElsewhere.h"

namespace tessera::core {

Result<int> SignOutElsewhere::endOthers(const Caller& caller) {
    return ctx_.db.transaction<int>([&](Poco::Data::Session& s) -> Result<int> {
        auto ended = ctx_.sessions.endAll(s, caller.session.accountId, caller.session.publicId);
        if (!ended) return ended.error();
        if (*ended == 0) return 0;
        AuditEvent e;
        e.event = "session.ended";
        e.actor = e.subject = caller.session.accountId;
        e.clientAddress = caller.clientAddress;
        e.details = {{"reason", "signed_out_elsewhere"},
                     {"count", std::to_string(*ended)},
                     {"endedBy", caller.session.publicId}};
        if (auto audited = ctx_.audit.append(s, e); !audited) return audited.error();
        return *ended;
    });
}

}  // namespace tessera::core
