#include "admin/AccountsModel.h"

namespace tessera::reviewer {

const QStringList& AccountsModel::staffRoles() {
    static const QStringList roles = {QStringLiteral("reviewer"), QStringLiteral("senior_reviewer"), QStringLiteral("admin")};
    return roles;
}

QString AccountsModel::roleText(const QString& role) {
    if (role == QLatin1String("reviewer")) return tr("Reviewer");
    if (role == QLatin1String("senior_reviewer")) return tr("Senior reviewer");
    if (role == QLatin1String("admin")) return tr("Administrator");
    if (role == QLatin1String("citizen")) return tr("Citizen");
    return role;
}

void AccountsModel::setAccounts(const QList<StaffAccount>& accounts) {
    beginResetModel();
    accounts_ = accounts;
    endResetModel();
}

void AccountsModel::update(const StaffAccount& account) {
    const int row = rowOf(account.id);
    if (row < 0) return;
    accounts_[row] = account;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

const StaffAccount* AccountsModel::accountAt(int row) const {
    return row >= 0 && row < accounts_.size() ? &accounts_[row] : nullptr;
}

int AccountsModel::rowOf(const QString& id) const {
    for (int i = 0; i < accounts_.size(); ++i)
        if (accounts_[i].id == id) return i;
    return -1;
}

int AccountsModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(accounts_.size()); }

int AccountsModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant AccountsModel::data(const QModelIndex& index, int role) const {
    const StaffAccount* a = accountAt(index.row());
    if (!a || role != Qt::DisplayRole) return {};
    switch (index.column()) {
        case Email: return a->email;
        case Name: return a->name;
        case Roles: {
            QStringList names;
            for (const auto& r : a->roles) names.append(roleText(r));
            return names.isEmpty() ? tr("No staff role") : names.join(QStringLiteral(", "));
        }
        default: return {};
    }
}

QVariant AccountsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case Email: return tr("Email");
        case Name: return tr("Name");
        case Roles: return tr("Roles");
        default: return {};
    }
}

}  // namespace tessera::reviewer
