#include "web/portal/PageData.h"

namespace tessera::web::portal {

PageData PageData::text(std::string value) {
    PageData d;
    d.kind_ = Kind::Text;
    d.text_ = std::move(value);
    return d;
}

PageData PageData::flag(bool value) {
    PageData d;
    d.kind_ = Kind::Flag;
    d.flag_ = value;
    return d;
}

PageData PageData::list() {
    PageData d;
    d.kind_ = Kind::List;
    return d;
}

PageData& PageData::set(const std::string& key, std::string value) { return set(key, text(std::move(value))); }
PageData& PageData::set(const std::string& key, const char* value) { return set(key, text(value)); }
PageData& PageData::set(const std::string& key, bool value) { return set(key, flag(value)); }
PageData& PageData::set(const std::string& key, int value) { return set(key, text(std::to_string(value))); }

PageData& PageData::set(const std::string& key, PageData value) {
    if (PageData* existing = find(key)) {
        *existing = std::move(value);
    } else {
        members_.emplace_back(key, std::move(value));
    }
    return *this;
}

PageData& PageData::append(const std::string& key, PageData item) {
    PageData* target = find(key);
    if (!target || target->kind_ != Kind::List) {
        set(key, list());
        target = find(key);
    }
    target->items_.push_back(std::move(item));
    return *this;
}

PageData& PageData::push(PageData item) {
    items_.push_back(std::move(item));
    return *this;
}

PageData& PageData::merge(const PageData& other) {
    for (const auto& [key, value] : other.members_) set(key, value);
    return *this;
}

const PageData* PageData::find(const std::string& key) const {
    for (const auto& member : members_)
        if (member.first == key) return &member.second;
    return nullptr;
}

PageData* PageData::find(const std::string& key) {
    for (auto& member : members_)
        if (member.first == key) return &member.second;
    return nullptr;
}

}  // namespace tessera::web::portal
