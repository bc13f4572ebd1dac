#pragma once
// Accounts found by the roles page, with the staff roles each holds now.
#include <QAbstractTableModel>
#include <QList>

#include "client/AdminTypes.h"

namespace tessera::reviewer {

class AccountsModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Email, Name, Roles, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    // The staff roles an administrator can grant or revoke, as the server names them.
    static const QStringList& staffRoles();
    static QString roleText(const QString& role);

    void setAccounts(const QList<StaffAccount>& accounts);
    // The account as the server answered after a grant or revoke.
    void update(const StaffAccount& account);
    const StaffAccount* accountAt(int row) const;
    int rowOf(const QString& id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<StaffAccount> accounts_;
};

}  // namespace tessera::reviewer
