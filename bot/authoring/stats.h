// Agreement statistics between two series of scores: Spearman and Pearson correlation, mean
// absolute error. Pure functions; thread-safe.
#ifndef BOT_AUTHORING_STATS_H_
#define BOT_AUTHORING_STATS_H_

#include <vector>

namespace bot {

// Pearson correlation; 0 when either series is constant or they differ in length or are empty.
double Pearson(const std::vector<double>& x, const std::vector<double>& y);
// Spearman rank correlation (Pearson of average ranks, so ties are handled).
double Spearman(const std::vector<double>& x, const std::vector<double>& y);
double MeanAbsoluteError(const std::vector<double>& x, const std::vector<double>& y);
// Average ranks (1-based); tied values share the mean of their ranks.
std::vector<double> Ranks(const std::vector<double>& x);

}  // namespace bot

#endif  // BOT_AUTHORING_STATS_H_
