// A tiny, readable text format for timetables, for tests, documentation and experiments.
//
//   # comment
//   horizon 2026-11-23 120d                    start (date or ISO instant) and length
//   stops JPHKT KRPUS CNLYG                    optional: fixes the NodeId order
//   factor sea 8.5                             emission factor name, g CO2e per tonne-km
//   transfer * * * 2h                          stop|*  arrive  depart  duration  [teu=USD]
//   transfer KRPUS feeder rail 1d teu=50 feu=80 co2=0.5 lift     [feu=USD] [co2=kg/t] [lift]
//   forbid CNLYG rail feeder                   transfer not allowed (patterns as in operations.csv)
//   service F1 feeder days=Tue,Fri at=10:00+09:00 cutoff=1d teu=300 feu=500 cap=400 factor=sea
//     JPHKT
//     KRPUS arr=14h dep=20h km=200
//     CNLYG arr=2d4h km=900
//   link R1 CNLYG CNXIA road 8h teu=200 feu=300 km=400 factor=road
//
// Service keys: days=Mon,Tue|daily, or every=7d anchor=DATE, or full=5d anchor=DATE
// [headway=uniform:3d..7d|triangular:..|exponential:2d..|fixed]; at=HH:MM[+HH:MM] (start time,
// default 00:00 UTC); from=DATE to=DATE (validity); add=DATE,DATE skip=DATE,DATE; cutoff=;
// teu= feu= (USD per box); cap= (TEU); factor=NAME; op=OPERATOR. Call lines are indented:
// stop, then arr= (offset, required after the first call), dep= (default: arr; 0 for the
// first call), km= (from the previous call). Stops are numbered in order of first mention.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "landbridge/timetable/timetable.h"

namespace landbridge::timetable {

struct TimetableText {
  TimetableSpec spec;  // spec.transfer holds a copy of `transfers`
  TransferTable transfers;
  std::map<std::string, EmissionFactorId> factors;
};

// Parses the format above. Throws LoadError with every problem found, each naming the source
// and line.
TimetableText parse_timetable_text(std::string_view text, std::string_view source = "<text>");

}  // namespace landbridge::timetable
