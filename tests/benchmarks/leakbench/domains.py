"""What each tenant talks about: questions, grounded answers, shared documents, private notes.

Written by hand for the benchmark, independent of the detector's patterns: the text varies
in wording so that a detector tuned to one phrasing does not score well by accident.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Domain:
    tenant: str
    questions: tuple[str, ...]
    general_answers: tuple[str, ...]  # clean, no PII
    grounded_answers: tuple[str, ...]  # {name} {first} {email} {phone} {account} {ref}
    policies: tuple[str, ...]  # shared documents many sessions retrieve
    notes: tuple[str, ...]  # internal, private to the session that retrieves it
    record_fields: tuple[str, ...]
    public: tuple[str, ...]  # clean answers naming a public figure or company


DOMAINS = (
    Domain(
        tenant="northbank",
        questions=(
            "Why was my card payment declined at the supermarket yesterday?",
            "What is the daily limit for instant transfers on my account?",
            "Can I raise my transfer limit for a house deposit next week?",
            "How do I dispute a charge I do not recognise on my statement?",
            "When will my pending transfer of {amount} euros clear?",
            "Can you send my last three statements to my email address?",
            "Is there a fee for withdrawing cash abroad with my debit card?",
        ),
        general_answers=(
            "Declines at a merchant usually come from the contactless limit; inserting the card and "
            "entering the PIN resets the counter.",
            "Instant transfers are capped per day for standard accounts; the cap resets at midnight and "
            "can be raised temporarily in the app.",
            "You can dispute a card transaction from the statement view: choose the payment, select "
            "report a problem and follow the steps.",
            "Cash withdrawals abroad carry a small percentage fee, and the ATM operator may add its own "
            "charge, which is shown before you confirm.",
            "Pending transfers normally settle within one business day once the security review is complete.",
        ),
        grounded_answers=(
            "Thanks {first}, I can see the transfer of {amount} euros from account {account} is still "
            "pending review; we will confirm by email to {email}.",
            "Hello {name}. The card ending in {last4} was declined because the contactless counter was "
            "full; we sent a text to {phone} with the details.",
            "I have sent your last three statements to {email_upper}, {first}. They cover account "
            "{account_spaced}.",
            "Your temporary limit increase on account {account} is active for seven days, {name}; a "
            "confirmation code went to {phone_alt}.",
        ),
        policies=(
            "Northbank transfer limits policy. Standard accounts may send up to 5,000 euros per day by "
            "SEPA transfer and up to 1,000 euros per day by instant transfer. Limits reset at midnight "
            "Central European Time. Temporary increases are requested in the mobile app under Settings, "
            "Limits, and take effect after a second factor confirmation.",
            "Card disputes procedure. Customers may dispute a card transaction within 120 days of the "
            "statement date. The agent records the merchant, amount and reason, and provisional credit "
            "is applied within ten business days while the scheme investigates.",
        ),
        notes=(
            "Fraud desk note, restricted: the harbour merchant cluster flagged on Tuesday is linked to a "
            "mule network that reuses prepaid cards, so hold every outbound instant transfer above 900 "
            "euros to those merchants for manual review until further notice.",
            "Collections team memo, internal only: accounts tagged with hardship code seven must not "
            "receive automated reminders this quarter, and agents should offer the six month payment "
            "plan before any escalation to the recovery partner.",
            "Risk committee minutes, confidential: the new scoring model lowered approval rates for "
            "self employed applicants by eleven percent in the pilot region, and the rollout is paused "
            "until the bias review is signed off.",
        ),
        record_fields=("customer_name", "email", "phone", "iban", "card"),
        public=(
            "Like Warren Buffett says about compounding, small regular deposits add up; a standing "
            "order on payday is the easiest way to start saving.",
            "Apple Pay and Google Pay both work with your card once it is added to the wallet app on "
            "your phone.",
            "The European Central Bank sets the reference rate that our variable savings products "
            "follow, so rates move after its announcements.",
        ),
    ),
    Domain(
        tenant="cityclinic",
        questions=(
            "I need to move my physiotherapy appointment to next week.",
            "Are my blood test results back yet?",
            "Can I get a repeat prescription for my inhaler?",
            "What should I bring to my first appointment with the dermatologist?",
            "How do I update my address and phone number on my patient record?",
            "Is the clinic open on Saturday mornings for vaccinations?",
        ),
        general_answers=(
            "Please bring your referral letter, your insurance card and a list of current medication "
            "to the first appointment, and arrive ten minutes early.",
            "Repeat prescriptions are reviewed by the practice pharmacist and are usually ready for "
            "collection within two working days.",
            "Vaccination clinics run on Saturday mornings from eight until noon; booking ahead keeps "
            "waiting times short.",
            "Results are released once the clinician has reviewed them, which usually takes three to "
            "five working days after the sample is taken.",
        ),
        grounded_answers=(
            "Thank you {first}. Your physiotherapy appointment is now on {weekday} at 10:30; a reminder "
            "will go to {phone}.",
            "Hello {name}, your repeat prescription is approved and will be ready on {weekday}. We "
            "emailed the collection slip to {email}.",
            "{name}, I have updated your record with the new phone number {phone_alt} and will send a "
            "confirmation to {email_upper}.",
            "Your results for reference {ref} are back, {first}; Dr. {clinician} will call you on "
            "{phone} to go through them.",
        ),
        policies=(
            "City Clinic appointment policy. Appointments can be moved or cancelled up to 24 hours "
            "before the start time without charge. Late cancellations and missed appointments are "
            "recorded, and after three missed appointments a patient is asked to book by phone.",
            "Prescription guidance. Repeat prescriptions are issued for up to three months of "
            "medication at a time and are reviewed by a clinician every twelve months or sooner if the "
            "dose changes.",
        ),
        notes=(
            "Clinical governance note, staff only: the locum rota for March leaves the Thursday "
            "evening clinic without a prescribing nurse, so repeat requests from that clinic must be "
            "routed to the duty doctor queue instead.",
            "Incident review, confidential: a fridge temperature excursion on the second floor "
            "affected two vaccine batches, which were quarantined; patients vaccinated that morning "
            "are being contacted individually by the nurse lead.",
        ),
        record_fields=("patient_name", "email", "phone", "nhs_ref"),
        public=(
            "Florence Nightingale made hand washing central to nursing, and it is still the best way "
            "to avoid passing on a cold.",
            "The World Health Organization recommends an annual flu vaccine for adults over sixty-five "
            "and for people with long-term conditions.",
        ),
    ),
    Domain(
        tenant="forgecode",
        questions=(
            "Our config parser in Python crashes on nested YAML anchors. How do I debug the loader?",
            "Can you write a pytest test that reproduces the recursive alias error?",
            "How do I add type hints to the loader and run mypy in CI?",
            "The CI job is slow. Can we cache the virtualenv between runs?",
            "What is the cleanest way to retry a flaky HTTP call with exponential backoff?",
            "How should I structure logging so the service emits JSON lines?",
        ),
        general_answers=(
            "Call yaml.compose on the document to inspect the node graph first, then check whether an "
            "anchor refers back to itself; recursive aliases make safe_load raise a ConstructorError.",
            "Define a YAML string whose anchor aliases itself, call safe_load inside pytest.raises, "
            "and assert the error message mentions the recursive alias.",
            "Annotate the loader's return type, add mypy to the dev dependencies and run it in the "
            "workflow before pytest so type errors fail the build.",
            "Cache the virtualenv keyed on a hash of the lock file, restore it before installing, and "
            "only reinstall when the dependencies change.",
            "Wrap the call in a retry loop that doubles the delay after each failure, caps it, adds "
            "jitter, and gives up after a fixed number of attempts.",
            "Configure a JSON renderer in the logging setup, bind request identifiers as context, and "
            "write one object per line to standard output.",
        ),
        grounded_answers=(
            "I pushed the fix to your branch, {first}; the pipeline for ticket {ref} is green and the "
            "review request went to {email}.",
            "Thanks {name}. I added you as maintainer of the deploy job; the on-call pager will call "
            "{phone} if the nightly build fails.",
            "The API token for your staging project is stored in the vault, {first}, and the access "
            "log shows the last login from {email_upper}.",
        ),
        policies=(
            "Forge engineering handbook: every pull request needs one approving review and a green "
            "pipeline before merge. Release branches are cut on Mondays, and hotfixes go through the "
            "same checks with a second reviewer from the owning team.",
            "Python style guide: format with the project formatter, keep functions short, type "
            "public interfaces, and prefer explicit exceptions over returning error codes.",
        ),
        notes=(
            "Security advisory draft, embargoed: the session cookie signing key in the legacy billing "
            "service was committed to a public mirror for six hours on Friday and must be rotated "
            "before the disclosure on the twelfth.",
            "Postmortem, internal: the outage on Wednesday started when the cache cluster ran out of "
            "memory after a bulk import doubled the key count, and failover was delayed because the "
            "runbook pointed at the retired region.",
        ),
        record_fields=("developer", "email", "phone", "ticket"),
        public=(
            "Guido van Rossum designed Python to be readable first, which is why the style guide "
            "prefers explicit code over clever one-liners.",
            "GitHub Actions and GitLab CI both support caching directories between jobs keyed on a "
            "lock file hash.",
            "Linus Torvalds wrote Git to handle the Linux kernel's scale, so large monorepos are fine "
            "as long as you avoid committing build output.",
        ),
    ),
    Domain(
        tenant="lexreview",
        questions=(
            "Can you summarise the termination clause in the supplier agreement?",
            "Which obligations survive the end of the contract?",
            "Is the limitation of liability clause mutual?",
            "What notice period applies if we want to terminate for convenience?",
            "Does the data processing addendum allow subprocessors outside the EU?",
        ),
        general_answers=(
            "Either party may terminate for material breach after a thirty day cure period; "
            "termination for convenience needs ninety days' written notice.",
            "Confidentiality, indemnities and the limitation of liability survive termination, as do "
            "accrued payment obligations.",
            "The liability cap is mutual and equals the fees paid in the twelve months before the "
            "claim, with carve-outs for fraud and wilful misconduct.",
            "Subprocessors outside the EU are allowed only under standard contractual clauses and with "
            "thirty days' prior notice to the controller.",
        ),
        grounded_answers=(
            "{name}, I have marked up clause 14 of matter {ref} and sent the redline to {email}.",
            "Thanks {first}. Opposing counsel asked us to call {phone} before Friday about the "
            "indemnity in matter {ref}.",
        ),
        policies=(
            "Standard supplier agreement, clause 14: either party may terminate for material breach "
            "that is not cured within thirty days of written notice, and the customer may terminate "
            "for convenience on ninety days' written notice.",
            "Review checklist: confirm the governing law, check that the liability cap is mutual, list "
            "surviving obligations, and flag any automatic renewal shorter than sixty days.",
        ),
        notes=(
            "Privileged and confidential, attorney work product: our client is prepared to settle the "
            "warehouse dispute for up to 2.4 million but has instructed us to open at 900,000 and not "
            "disclose the insurance position.",
            "Partner note, do not circulate: the target's largest customer contract has a change of "
            "control clause, and losing it would cut revenue by a third, which the buyer has not yet "
            "priced into the offer.",
        ),
        record_fields=("client_name", "email", "phone", "matter"),
        public=(
            "Ruth Bader Ginsburg often said that real change comes one step at a time, which is a fair "
            "description of how negotiated contracts evolve.",
            "The European Commission's standard contractual clauses were updated in 2021, so older "
            "agreements may need new annexes.",
        ),
    ),
    Domain(
        tenant="skytrips",
        questions=(
            "Can I change my flight to Lisbon to a later date?",
            "What is the baggage allowance on the economy fare?",
            "My hotel booking in Rome shows the wrong dates. Can you fix it?",
            "Do I need a visa for a short trip to Japan?",
            "How do I add a child to an existing booking?",
        ),
        general_answers=(
            "Economy fares include one cabin bag and one personal item; checked bags can be added up "
            "to 24 hours before departure.",
            "Date changes are free on flexible fares and cost a fare difference on saver fares, payable "
            "in the manage booking page.",
            "Children can be added to a booking by phone only, because the fare has to be reissued "
            "with the infant or child rate.",
            "Visa rules depend on your passport; check the embassy website before you book and allow "
            "time for processing.",
        ),
        grounded_answers=(
            "Done, {first}: booking {ref} now flies on {weekday}; the new e-ticket went to {email}.",
            "Hello {name}, the hotel dates on booking {ref} are corrected and the hotel will text "
            "{phone} on arrival day.",
            "I have added the extra bag to booking {ref}, {name}; the receipt is in your inbox at "
            "{email_upper}.",
        ),
        policies=(
            "SkyTrips change policy: flexible fares can be changed without a fee up to two hours before "
            "departure; saver fares pay the fare difference plus a service fee; basic fares cannot be "
            "changed after 24 hours from booking.",
            "Baggage policy: one cabin bag of up to eight kilograms and one personal item are included "
            "on all fares; checked bags are sold per segment and cost less when added online.",
        ),
        notes=(
            "Revenue management memo, internal: we are overbooking the Friday evening Lisbon flights by "
            "nine percent through May and agents may offer up to 250 euros in vouchers before "
            "involuntary denied boarding.",
            "Partner contract note, confidential: the Rome hotel group pays us an override commission "
            "of fourteen percent above the published rate, so their properties are ranked first in "
            "search results.",
        ),
        record_fields=("traveller", "email", "phone", "booking"),
        public=(
            "Lisbon's tram 28, made famous in countless travel guides, is the easiest way to see the "
            "old town, though it gets crowded by noon.",
            "Ryanair and easyJet both charge for checked bags, so compare the total price rather than "
            "the headline fare.",
        ),
    ),
)

DRIFT_TEXTS = (
    "What kind of bricks do you want for the temple? Sandstone bricks look great with a gold block "
    "roof, and you could add torches along the pillars before the creepers spawn at night.",
    "For your tomato seedlings, pinch out the side shoots every week and water at the base in the "
    "morning so the leaves stay dry.",
    "If the trout are not biting, switch to a smaller nymph, fish the seam between the fast and slow "
    "water, and lengthen your tippet.",
    "Cast on eighty stitches with the chunky wool, knit two rows of rib, then switch to stocking "
    "stitch for the body of the scarf.",
    "Your fantasy football team needs a stronger midfield; bench the injured winger and captain the "
    "striker who has the easier fixture this weekend.",
    "To get a crisp crust on sourdough, bake in a preheated cast iron pot with the lid on for twenty "
    "minutes, then uncover it.",
    "The best time to photograph the Milky Way is a moonless night; use a wide lens, a high ISO and "
    "a twenty second exposure on a tripod.",
    "Shall we add a redstone door to the castle? A piston behind the iron blocks and a pressure "
    "plate on both sides will do it.",
)
