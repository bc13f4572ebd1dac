#include "review/HistoryModel.h"

#include <QLocale>

#include "review/ReviewLabels.h"

namespace tessera::reviewer {

HistoryModel::HistoryModel(QObject* parent) : QAbstractTableModel(parent) {}

void HistoryModel::setEvents(const QList<CaseEvent>& events) {
    beginResetModel();
    events_ = events;
    endResetModel();
}

void HistoryModel::append(const CaseEvent& event) {
    for (const CaseEvent& e : events_)
        if (e.seq == event.seq) return;
    beginInsertRows({}, rowCount(), rowCount());
    events_.append(event);
    endInsertRows();
}

void HistoryModel::clear() { setEvents({}); }

void HistoryModel::setActorNames(const QHash<QString, QString>& names) {
    names_ = names;
    if (!events_.isEmpty()) emit dataChanged(index(0, WhoColumn), index(rowCount() - 1, WhoColumn));
}

QString HistoryModel::actorName(const QString& actor) const {
    if (names_.contains(actor)) return names_.value(actor);
    if (actor == QLatin1String("system")) return tr("System");
    return ReviewLabels::shortId(actor);
}

int HistoryModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(events_.size()); }

int HistoryModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant HistoryModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= events_.size()) return {};
    const CaseEvent& e = events_.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
            case WhenColumn:
                return e.at.isValid() ? QLocale().toString(e.at.toLocalTime(), QLocale::ShortFormat) : QString();
            case WhoColumn: return role == Qt::ToolTipRole ? e.actor : actorName(e.actor);
            case EventColumn: return ReviewLabels::event(e.event);
            case ChangeColumn:
                if (e.fromState.isEmpty() && e.toState.isEmpty()) return QString();
                if (e.fromState.isEmpty() || e.fromState == e.toState) return ReviewLabels::state(e.toState);
                return tr("%1 → %2").arg(ReviewLabels::state(e.fromState), ReviewLabels::state(e.toState));
            case ReasonColumn: return e.reason.isEmpty() ? QString() : ReviewLabels::reason(e.reason);
            case NoteColumn: return e.note;
            default: return {};
        }
    }
    switch (role) {
        case EventCodeRole: return e.event;
        case SeqRole: return e.seq;
        case NoteRole: return e.note;
        default: return {};
    }
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
        case WhenColumn: return tr("When");
        case WhoColumn: return tr("Who");
        case EventColumn: return tr("What");
        case ChangeColumn: return tr("State");
        case ReasonColumn: return tr("Reason");
        case NoteColumn: return tr("Note");
        default: return {};
    }
}

}  // namespace tessera::reviewer
