#include "core/verification/RegisterCheckLog.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <sstream>

#include "infra/Random.h"

using namespace Poco::Data::Keywords;

namespace tessera::core {

std::string_view toString(CheckKind kind) {
    switch (kind) {
        case CheckKind::VitalRecord: return "vital_record";
        case CheckKind::Address: return "address";
        case CheckKind::KnownFact: return "known_fact";
    }
    return "vital_record";
}

std::string fieldResultsJson(const std::vector<FieldResult>& fields) {
    Poco::JSON::Array list;
    for (const auto& f : fields) {
        Poco::JSON::Object o;
        o.set("field", f.field);
        o.set("matched", f.matched);
        list.add(o);
    }
    std::ostringstream out;
    list.stringify(out);
    return out.str();
}

Status RegisterCheckLog::record(Poco::Data::Session& s, const std::string& accountId, CheckKind kind,
                                std::string_view outcome, const std::vector<FieldResult>& fields, std::int64_t at) {
    std::string id = infra::random::id(), account = accountId, k(toString(kind)), o(outcome),
                f = fieldResultsJson(fields);
    Poco::Int64 t = at;
    s << db_.sql("INSERT INTO register_checks (id, account_id, check_kind, outcome, fields, checked_at) "
                 "VALUES (?, ?, ?, ?, ?, ?)"),
        use(id), use(account), use(k), use(o), use(f), use(t), now;
    return {};
}

std::vector<std::int64_t> RegisterCheckLog::countedSince(Poco::Data::Session& s, const std::string& accountId,
                                                         CheckKind kind, std::int64_t since) {
    std::string account = accountId, k(toString(kind));
    Poco::Int64 t = since;
    Poco::Data::Statement st(s);
    st << db_.sql("SELECT checked_at FROM register_checks WHERE account_id = ? AND check_kind = ? AND checked_at > ? "
                  "AND outcome <> 'unavailable' ORDER BY checked_at"),
        use(account), use(k), use(t);
    st.execute();
    Poco::Data::RecordSet rs(st);
    std::vector<std::int64_t> out;
    for (std::size_t row = 0; row < rs.rowCount(); ++row) out.push_back(rs.value(0, row).convert<Poco::Int64>());
    return out;
}

}  // namespace tessera::core
