#include "core/audit/AuditLog.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/Logger.h>

#include <sstream>

#include "infra/Digest.h"

using namespace Poco::Data::Keywords;

namespace tessera::core {

namespace {

// The chain starts from a fixed, documented value so the first entry verifies too.
const std::string kGenesis(64, '0');

std::string detailsJson(const std::map<std::string, std::string>& details) {
    Poco::JSON::Object o;
    for (const auto& [k, v] : details) o.set(k, v);
    std::ostringstream os;
    Poco::JSON::Stringifier::condense(o, os);
    return os.str();
}

AuditEntry fromRow(const Poco::Data::RecordSet& rs, std::size_t row) {
    AuditEntry e;
    e.seq = rs.value(0, row).convert<Poco::Int64>();
    e.at = rs.value(1, row).convert<Poco::Int64>();
    e.event = rs.value(2, row).convert<std::string>();
    e.actor = rs.value(3, row).convert<std::string>();
    e.subject = rs.value(4, row).convert<std::string>();
    e.clientAddress = rs.value(5, row).convert<std::string>();
    e.details = rs.value(6, row).convert<std::string>();
    e.prevHash = rs.value(7, row).convert<std::string>();
    e.hash = rs.value(8, row).convert<std::string>();
    return e;
}

const char* kColumns = "seq, at, event, actor, subject, client_address, details, prev_hash, hash";

}  // namespace

std::string AuditLog::hashOf(const AuditEntry& e) {
    // Length-prefixed fields: no two different entries can serialise to the same bytes.
    std::string buf;
    auto add = [&](const std::string& f) {
        buf += std::to_string(f.size());
        buf += ':';
        buf += f;
    };
    add(std::to_string(e.seq));
    add(std::to_string(e.at));
    add(e.event);
    add(e.actor);
    add(e.subject);
    add(e.clientAddress);
    add(e.details);
    add(e.prevHash);
    return infra::digest::sha256Hex(buf);
}

Status AuditLog::append(Poco::Data::Session& s, const AuditEvent& ev) {
    if (db_.backend() == store::Backend::PostgreSQL) {
        // One appender at a time across every server process: the chain must stay linear.
        s << "LOCK TABLE audit_log IN EXCLUSIVE MODE", now;
    }
    AuditEntry e;
    {
        Poco::Data::Statement st(s);
        st << "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1";
        st.execute();
        Poco::Data::RecordSet rs(st);
        if (rs.rowCount() > 0) {
            e.seq = rs.value(0, 0).convert<Poco::Int64>() + 1;
            e.prevHash = rs.value(1, 0).convert<std::string>();
        } else {
            e.seq = 1;
            e.prevHash = kGenesis;
        }
    }
    e.at = clock_.now();
    e.event = ev.event;
    e.actor = ev.actor;
    e.subject = ev.subject;
    e.clientAddress = ev.clientAddress;
    e.details = detailsJson(ev.details);
    e.hash = hashOf(e);
    Poco::Int64 seq = e.seq, at = e.at;
    s << db_.sql(std::string("INSERT INTO audit_log (") + kColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"), use(seq),
        use(at), use(e.event), use(e.actor), use(e.subject), use(e.clientAddress), use(e.details), use(e.prevHash),
        use(e.hash), now;
    return {};
}

Status AuditLog::append(const AuditEvent& e) {
    return db_.transaction<void>([&](Poco::Data::Session& s) -> Status { return append(s, e); });
}

std::optional<std::int64_t> AuditLog::firstBrokenEntry() {
    Poco::Data::Session s = db_.session();
    std::string prev = kGenesis;
    std::int64_t expectedSeq = 1;
    const std::size_t page = 1000;
    for (;;) {
        Poco::Int64 from = expectedSeq;
        Poco::Data::Statement st(s);
        st << db_.sql(std::string("SELECT ") + kColumns + " FROM audit_log WHERE seq >= ? ORDER BY seq LIMIT " +
                      std::to_string(page)),
            use(from);
        st.execute();
        Poco::Data::RecordSet rs(st);
        for (std::size_t i = 0; i < rs.rowCount(); ++i) {
            AuditEntry e = fromRow(rs, i);
            // A gap (deleted row), a broken link or a changed field all break the chain here.
            if (e.seq != expectedSeq || e.prevHash != prev || hashOf(e) != e.hash) return expectedSeq;
            prev = e.hash;
            ++expectedSeq;
        }
        if (rs.rowCount() < page) return std::nullopt;
    }
}

std::vector<AuditEntry> AuditLog::entriesFor(const std::string& subject, std::size_t limit) {
    Poco::Data::Session s = db_.session();
    std::string subj = subject;
    Poco::Data::Statement st(s);
    st << db_.sql(std::string("SELECT ") + kColumns + " FROM audit_log WHERE subject = ? ORDER BY seq DESC LIMIT " +
                  std::to_string(limit)),
        use(subj);
    st.execute();
    Poco::Data::RecordSet rs(st);
    std::vector<AuditEntry> out;
    for (std::size_t i = 0; i < rs.rowCount(); ++i) out.push_back(fromRow(rs, i));
    return out;
}

}  // namespace tessera::core
