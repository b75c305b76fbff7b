#!/usr/bin/env bash
# The curl walkthrough of docs/service.md, run as a test so the document cannot rot: every
# ```sh block between the markers <!-- walkthrough:begin --> and <!-- walkthrough:end --> is run
# in order, in one bash with `set -euo pipefail`, exactly as written, in a scratch folder, with
# `landbridge` meaning the binary under test and PORT a free loopback port. Then the answers the
# blocks saved are checked: an itinerary Hakata -> Duisburg with a routingReference, a CONFIRMED
# booking of 4 FEU with 4 valid ISO 6346 container numbers, planned events of those boxes, the
# operator's gauge-change event at Khorgos accepted and listed, and the Lianyungang load list
# naming the booking.
#
#   walkthrough.sh LANDBRIDGE_BINARY DOCS/service.md SCRATCH_DIR
set -euo pipefail
[[ $# -eq 3 ]] || { echo "usage: $0 LANDBRIDGE_BINARY SERVICE_MD SCRATCH_DIR" >&2; exit 2; }
bin=$(realpath "$1") doc=$(realpath "$2") scratch=$3
rm -rf "$scratch" && mkdir -p "$scratch" && cd "$scratch" && scratch=$PWD

# The document's shell blocks, in order.
awk '/<!-- walkthrough:begin -->/ { on = 1; next }
     /<!-- walkthrough:end -->/ { on = 0 }
     on && /^```sh$/ { block = 1; next }
     block && /^```$/ { block = 0; print ""; next }
     block { print }' "$doc" >walkthrough-blocks.sh
[[ $(grep -c . walkthrough-blocks.sh) -gt 10 ]] || { echo "no walkthrough blocks in $doc" >&2; exit 1; }

mkdir -p bin && ln -s "$bin" bin/landbridge
PORT=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
export PORT
cat >walkthrough-run.sh <<EOF
set -euo pipefail
PATH="$scratch/bin:\$PATH"
trap 'kill \$(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true' EXIT
EOF
cat walkthrough-blocks.sh >>walkthrough-run.sh
# Leave the answers for the checks below.
cat >>walkthrough-run.sh <<'EOF'
declare -p SHIPPER OPERATOR REF BOOKING DEP >walkthrough-vars.sh
EOF
timeout 240 bash walkthrough-run.sh >walkthrough.out 2>&1 || {
  echo "walkthrough commands failed (exit $?); output:" >&2; tail -40 walkthrough.out >&2; exit 1; }
source walkthrough-vars.sh

fail() { echo "walkthrough: $*" >&2; exit 1; }
[[ $SHIPPER == lb_*.* && $OPERATOR == lb_*.* ]] || fail "keys are not tokens: '$SHIPPER' '$OPERATOR'"
[[ -n $REF && $REF != null ]] || fail "no routingReference in routes.json"
jq -e --arg r "$REF" '[.itineraries[] | select(.routingReference == $r and (.services | index("RAIL-LYG-HOR")))]
       | length == 1' routes.json >/dev/null || fail "the chosen itinerary does not ride the Lianyungang train"
jq -e '.from == "JPHKT" and .to == "DEDUI"' routes.json >/dev/null || fail "routes.json is not Hakata -> Duisburg"
jq -e '.bookingStatus == "CONFIRMED" and .requestedEquipments[0].ISOEquipmentCode == "42G1"
       and .requestedEquipments[0].units == 4' booking.json >/dev/null ||
  fail "booking.json is not a CONFIRMED booking of 4 x 42G1: $(head -c 400 booking.json)"
mapfile -t boxes < <(jq -r '.requestedEquipments[0].equipmentReferences[]' booking.json)
[[ ${#boxes[@]} -eq 4 ]] || fail "4 FEU booked, ${#boxes[@]} container numbers"
/usr/bin/python3 - "${boxes[@]}" <<'EOF' || fail "container numbers fail the ISO 6346 check digit: ${boxes[*]}"
import sys
values, v = {}, 10
for ch in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
    v += v % 11 == 0
    values[ch] = v
    v += 1
for box in sys.argv[1:]:
    total = sum((values[c] if c.isalpha() else int(c)) << i for i, c in enumerate(box[:10]))
    assert len(box) == 11 and (total % 11) % 10 == int(box[10]), box
EOF
# Planned events: every box has its gate-in and gate-out, all PLN.
for box in "${boxes[@]}"; do
  jq -e --arg b "$box" '[.[] | select(.equipmentReference == $b and .eventClassifierCode == "PLN")
                         | .equipmentEventTypeCode] | (index("GTIN") != null and index("GTOT") != null)' \
    planned.json >/dev/null || fail "no planned GTIN and GTOT for $box in planned.json"
done
jq -e '[.[] | select(.eventClassifierCode == "PLN" and .equipmentEventTypeCode == "LOAD"
         and .eventLocation.UNLocationCode == "KZHOR")] | length > 0' planned.json >/dev/null ||
  fail "no planned LOAD onto the other gauge at Khorgos (KZHOR)"
# The operator's gauge change (DISC + LOAD at Khorgos) was accepted and shows up as the box's
# actual events.
jq -e '[.events[] | .eventClassifierCode] == ["ACT", "ACT"]' posted.json >/dev/null ||
  fail "posted.json: $(head -c 300 posted.json)"
jq -e --arg b "${boxes[0]}" '[.[] | select(.equipmentReference == $b and .eventClassifierCode == "ACT"
       and .eventLocation.UNLocationCode == "KZHOR") | .equipmentEventTypeCode] | sort == ["DISC", "LOAD"]' \
  actual.json >/dev/null || fail "the gauge change is not among the box's actual events: $(head -c 300 actual.json)"
# The Lianyungang train's load list names the booking with its 8 TEU.
[[ $DEP == RAIL-LYG-* ]] || fail "the booking holds no Lianyungang train departure: $DEP"
jq -e --arg r "$BOOKING" '([.bookings[] | select(.carrierBookingReference == $r and .TEU == 8
       and .feederService == "FDR-HKT-LYG")] | length == 1) and .bookedTEU >= 8 and .bookedTEU <= .capacityTEU' \
  loadlist.json >/dev/null || fail "load list of $DEP does not name $BOOKING with 8 TEU: $(head -c 400 loadlist.json)"
jq -e --arg r "$BOOKING" '[.bookings[] | select(.carrierBookingReference == $r)][0]
       | .placeOfReceipt.UNLocationCode == "JPHKT" and .boardingLocation.UNLocationCode == "CNLYG"' \
  loadlist.json >/dev/null || fail "load list of $DEP: $BOOKING is not received at Hakata and boarded at Lianyungang: $(head -c 600 loadlist.json)"
echo "walkthrough: every command of docs/service.md ran and answered as documented"
