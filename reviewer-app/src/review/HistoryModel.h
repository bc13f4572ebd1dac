#pragma once
// The case history as a table, oldest first: when, who, what happened, the state change, the
// reason and the note. Actors are account ids; names the workstation knows (the signed-in
// reviewer as "You") can be given with setActorNames.
#include <QAbstractTableModel>
#include <QHash>

#include "review/CaseDetail.h"

namespace tessera::reviewer {

class HistoryModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { WhenColumn, WhoColumn, EventColumn, ChangeColumn, ReasonColumn, NoteColumn, ColumnCount };
    enum Role { EventCodeRole = Qt::UserRole + 1, SeqRole, NoteRole };

    explicit HistoryModel(QObject* parent = nullptr);

    void setEvents(const QList<CaseEvent>& events);
    // A note just added (the answer of POST .../notes); an entry already listed is not repeated.
    void append(const CaseEvent& event);
    void clear();
    void setActorNames(const QHash<QString, QString>& names);
    const QList<CaseEvent>& events() const { return events_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString actorName(const QString& actor) const;

    QList<CaseEvent> events_;
    QHash<QString, QString> names_;
};

}  // namespace tessera::reviewer
