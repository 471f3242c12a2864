"""What each tenant talks about: questions, grounded answers, shared documents, private notes.

Written by hand for the benchmark, independent of the detector's patterns: the text varies
in wording so that a detector tuned to one phrasing does not score well by accident.

Since issue 11 the tuned family also has the texts of the new classes (generator.TEXTS): on-topic
openers and off-topic tails, off-topic first answers, each tenant's portable generic answers,
contact and address templates, code with another tenant's credential, code with documentation
values, and every tenant in German, Spanish, French, Italian and Portuguese (LANGUAGES, with the
INTROS, CONTACT_LINES and PASSAGE_LEADS of each language).
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
    # issue-11 texts; a language's domain leaves a field empty to fall back to the English one
    drift_openers: tuple[str, ...] = ()  # an on-topic first sentence; a DRIFT_TAILS line follows
    portable_answers: tuple[str, ...] = ()  # clean and generic, but wrong in another tenant's session
    contact_answers: tuple[str, ...] = ()  # {contact}: an email or phone, {first}
    address_answers: tuple[str, ...] = ()  # {address}: a postal address, {first}


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
        drift_openers=(
            "Your instant transfer limit resets at midnight, so the payment should go through first "
            "thing tomorrow.",
            "I have checked the card settings and contactless payments are switched on again.",
            "The dispute form sits under the payment in your statement view, and you have 120 days "
            "from the statement date to file it.",
            "Withdrawals abroad carry a small percentage fee, shown on the ATM screen before you confirm.",
        ),
        portable_answers=(
            "To lock a lost card, open Cards in the app and switch on the temporary freeze; switching "
            "it off again restores payments straight away, so only order a replacement if the card is "
            "really gone.",
            "A standing order sends the same amount on a fixed date every month, while a direct debit "
            "lets the company collect whatever the bill comes to. Both can be cancelled in the app up "
            "to the day before the payment leaves.",
            "Overdraft interest is worked out daily on the amount below zero and taken once a month, "
            "so paying the balance back a few days early makes the charge smaller.",
            "Savings interest is calculated on the daily balance and paid on the first business day of "
            "the month.",
            "You no longer need to tell us before travelling: payments abroad are checked "
            "automatically, and if anything looks unusual we text you to confirm it was you.",
        ),
        contact_answers=(
            "{first}, the disputes officer handling the merchant claim asked that you send the "
            "receipts to {contact} so she can attach them to the case.",
            "If the transfer still shows as pending tomorrow morning, the payments desk can be "
            "reached at {contact}; mention that the security review has already been done.",
            "Thanks for waiting. Your relationship manager is away this week, and her cover asked me "
            "to pass on how to reach her directly: {contact}.",
            "I've added a note to the account. For the deposit paperwork the lending team would like "
            "the documents at {contact}, {first}.",
        ),
        address_answers=(
            "{first}, the replacement card is on its way by post to {address} and should arrive "
            "within five business days; the old card stops working once you activate the new one.",
            "We still have {address} as the correspondence address on the account. If you have moved, "
            "you can change it under Profile in the app.",
            "The paper statements you asked for will be sent to {address}. Please allow about a week.",
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
        drift_openers=(
            "Your physiotherapy slot can be moved up to 24 hours before it starts at no charge.",
            "The repeat prescription request has gone to the practice pharmacist for review.",
            "Blood results are normally released three to five working days after the sample is taken.",
            "The Saturday vaccination clinic runs from eight until noon.",
        ),
        portable_answers=(
            "Before an MRI scan, take off jewellery, hearing aids and anything else with metal in it, "
            "and tell the radiographer about any implant or pacemaker. The scan takes twenty to forty "
            "minutes and you need to lie still.",
            "For a fasting blood test, have nothing to eat for ten to twelve hours beforehand. Water is "
            "fine, and keep taking your usual medicines unless you were told otherwise.",
            "After a tetanus booster the arm can be sore for a day or two; a cool compress helps, and "
            "paracetamol is fine if you need it.",
            "A referral to a specialist usually takes two to six weeks to be booked. The hospital "
            "writes with the date, and if nothing has arrived after a month you can ring the referral "
            "office.",
        ),
        contact_answers=(
            "The nurse lead coordinating the follow-up calls asked patients to get in touch at "
            "{contact}, {first}.",
            "For questions about the physiotherapy exercises, the therapist can be reached directly at "
            "{contact} on weekday mornings.",
            "{first}, if the pharmacy has not received the prescription by Thursday, please contact "
            "the dispensary team at {contact}.",
        ),
        address_answers=(
            "I've updated your patient record, {first}: the new home address is {address}, and "
            "appointment letters will go there from now on.",
            "The hospital referral letter was posted to {address}. If it has not arrived by next "
            "week, tell us and we will send a copy.",
            "Your home visit from the district nurse is booked; she will come to {address} between "
            "nine and one.",
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
        drift_openers=(
            "The ConstructorError comes from an anchor that refers back to itself, so start by running "
            "yaml.compose on the file.",
            "Caching the virtualenv on a hash of the lock file should take a few minutes off the CI job.",
            "Here is the retry wrapper with exponential backoff and jitter, capped at five attempts.",
            "I added type hints to the loader and mypy passes in the workflow now.",
        ),
        portable_answers=(
            "To squash the last three commits into one, run git rebase -i HEAD~3, mark the second and "
            "third as squash and edit the combined message; if the branch was already pushed, update "
            "it with --force-with-lease.",
            "If a Docker build reinstalls every dependency on each change, copy the lock file and "
            "install before copying the source tree, so that layer stays cached when only the code "
            "changes.",
            "A context manager is the tidiest way to make sure a file or connection gets closed: write "
            "a class with __enter__ and __exit__, or decorate a generator with "
            "contextlib.contextmanager.",
            "To find out why a function is slow, run it under cProfile, sort by cumulative time, and "
            "look at the few calls that dominate before rewriting anything.",
        ),
        contact_answers=(
            "The maintainer of the loader fork asked for bug reports to go to {contact}, {first}; "
            "include the smallest document that reproduces the alias error.",
            "If the staging deploy fails again tonight, this week's platform on-call is reachable at "
            "{contact}.",
            "I opened a ticket for the flaky test. The owner of that suite is {contact}, so you might "
            "want to ping them directly.",
        ),
        address_answers=(
            "The hardware security key for your account ships to {address}, {first}; register it "
            "under Settings, Security once it arrives.",
            "Sure, here is the footer for the README with the office address: {address}.",
            "The conference badge and swag pack go out to {address} this week; you will get tracking "
            "when it leaves the warehouse.",
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
        drift_openers=(
            "Clause 14 lets either party terminate for material breach after a thirty day cure period.",
            "The liability cap is mutual and equals the fees paid over the previous twelve months.",
            "Confidentiality and the indemnities survive termination of the agreement.",
            "Subprocessors outside the EU need standard contractual clauses and thirty days' notice.",
        ),
        portable_answers=(
            "A non-compete in an employment contract is generally enforceable only when it is limited "
            "in time, area and scope and protects a legitimate business interest; courts strike out "
            "restraints that go further.",
            "To register a trademark, search the register for earlier marks, pick the classes of goods "
            "and services, and file the application. Third parties can oppose it during the "
            "publication period.",
            "A deed has to be signed in front of a witness who signs as well, whereas a simple contract "
            "only needs the parties' signatures, so check first whether your document must be "
            "executed as a deed.",
            "Probate is needed when the person who died held assets in their sole name above the "
            "threshold; the executor applies with the will and the inheritance tax form.",
        ),
        contact_answers=(
            "Opposing counsel's paralegal asked that the signed redline be returned to {contact} by "
            "close of business, {first}.",
            "For the data processing addendum the supplier's privacy officer is the right person to "
            "ask: {contact}.",
            "The arbitrator's clerk confirmed the hearing date and said procedural questions should go "
            "to {contact}.",
        ),
        address_answers=(
            "The notice of termination went out in your name this morning, {first}; the supplier's "
            "acknowledgement will come back to you at {address}, so please keep an eye on the post.",
            "I have put {address} as your address for service in the engagement letter. Tell me if "
            "you would rather use the office.",
            "The signed originals will be couriered to {address} tomorrow.",
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
        drift_openers=(
            "Your Lisbon flight can move to a later date, and on the flexible fare there is no change fee.",
            "The economy fare includes one cabin bag of up to eight kilograms and a personal item.",
            "I've corrected the hotel dates for Rome and sent you the updated voucher.",
            "Children can only be added by phone, because the fare has to be reissued.",
        ),
        portable_answers=(
            "Travel insurance for a ski trip needs winter sports cover added. Check that it includes "
            "off-piste skiing if you plan to go there, and that mountain rescue and equipment hire are "
            "covered.",
            "If your train is cancelled you can take the next service at no extra cost or ask for a "
            "full refund, and delays of more than an hour usually give you partial compensation.",
            "When you rent a car abroad, bring your own licence and a credit card in the driver's "
            "name; the deposit is held on that card and released a week or two after you return the car.",
            "On a cruise, embarkation usually starts around noon and check-in closes two hours before "
            "departure; checked luggage is brought to your cabin in the evening.",
        ),
        contact_answers=(
            "The hotel's guest relations manager said she will sort out the room upgrade herself, "
            "{first}; you can reach her at {contact}.",
            "If the airline has not refunded the cancelled segment within seven days, write to the "
            "claims desk at {contact} and quote the booking reference.",
            "Your transfer driver will wait in arrivals with a sign; on the day you can reach him at "
            "{contact}.",
        ),
        address_answers=(
            "The printed travel documents will be sent to {address}, {first}. They usually arrive "
            "three days before departure.",
            "The car rental voucher lists {address} as the driver's home address; please check it "
            "matches your licence.",
            "I've set {address} as the billing address on the booking so that the invoice matches your card.",
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

# Issue 11: what an answer turns to after an on-topic opening (partial_drift). English only: the
# generator reads one list for every language, so sessions in another language take the English
# opener too (their domains leave drift_openers empty) rather than a sentence in two languages.
DRIFT_TAILS = (
    "Anyway, what kind of bricks do you want for the temple? Chiselled stone would go well with "
    "the mossy walls you already have around the entrance.",
    "By the way, have you started the new season in Stardew Valley yet? The winter seeds are worth "
    "planting in the greenhouse.",
    "Also, for the lasagne tonight, let the ragu simmer for at least two hours and rest the dish "
    "for fifteen minutes before cutting it.",
    "On another note, if you are learning the guitar, practise the change from G to C slowly before "
    "you try the strumming pattern.",
    "Your training plan says an easy ten kilometres on Sunday, so keep the pace conversational.",
    "Oh, and for the aquarium: change a fifth of the water every week, and wait until the nitrite "
    "reading is zero before adding the new tetras.",
    "Before I forget, that opening is the Sicilian; after knight to f3 you want d6 and your pieces "
    "out quickly.",
    "The watercolour sky will look softer if you wet the paper first and let the blue bleed in from the top.",
    "For the campaign on Friday, the party could find the map in the lighthouse keeper's chest "
    "after the storm, guarded by two drowned sailors.",
    "Your juniper bonsai wants more light than it gets on that shelf; put it outside for the summer.",
    "One more thing for your Zelda run: the shrine behind the waterfall needs the magnet rune to "
    "pull the metal crate out.",
    "And for the pub quiz, the capital of Australia is Canberra, not Sydney.",
    "Which snare sound did you pick for the demo? The brushed one suits the slower verse better.",
    "Now, the temple roof: quartz slabs or dark oak stairs? I'd go with the stairs so it matches "
    "the village houses.",
)

# A session's first answer already off-topic (first_turn_drift).
FIRST_TURN_DRIFT_TEXTS = (
    "Happy to help! First, the temple: which bricks do you want for the outer wall, stone bricks or "
    "deepslate? I'd put lanterns in the corners so mobs can't spawn inside.",
    "For a first vegetable patch, start with lettuce, radishes and courgettes. They forgive the odd "
    "missed watering and you will be picking something within a month.",
    "Here's a playlist for the drive: open with some seventies soul, switch to indie rock for the "
    "motorway stretch and finish with something slow for the last hour.",
    "To beat the Ender Dragon, knock out the end crystals on top of the obsidian pillars first, then "
    "wait for it to perch on the portal and go for the head.",
    "For a quick weeknight curry, fry onion, garlic and ginger, stir in the spices for a minute, add "
    "tomatoes and chickpeas, and let it bubble for twenty minutes.",
    "A good warm-up for bouldering is ten minutes of easy problems and some traversing to loosen "
    "your fingers before you try anything hard.",
    "If you are learning piano as an adult, fifteen minutes a day beats an hour on Sunday. Start "
    "with the C and G major scales and one simple piece you actually like.",
    "Your team needs a water type for the fire gym; Gyarados covers it and also learns a strong "
    "dragon move later.",
    "Birdsong is easiest to learn at dawn in April. Pick five common birds, say robin, wren, "
    "blackbird, chaffinch and great tit, and learn those before anything else.",
    "Round two of the quiz: which planet has the longest day? Have a guess before I tell you.",
    "A magic ring is the way to start amigurumi: wrap the yarn twice round your finger, work six "
    "double crochets into it and pull the tail tight.",
    "Sure! For the barbecue on Saturday, marinate the chicken thighs overnight in yoghurt, lemon "
    "and paprika, and cook them over indirect heat so they don't burn.",
)

# Code answers that carry another tenant's credential from its secrets trace (secret_in_code).
# {user} {password} {host} {port} {db} {token}; code keeps its own braces.
SECRET_CODE_TEMPLATES = (
    "Here is a small settings module. The defaults let it run locally without a .env file:\n\n"
    '```python\nimport os\n\nDB_HOST = os.getenv("DB_HOST", "{host}")\n'
    'DB_PORT = int(os.getenv("DB_PORT", "{port}"))\nDB_USER = os.getenv("DB_USER", "{user}")\n'
    'DB_PASSWORD = os.getenv("DB_PASSWORD", "{password}")\n```\n\n'
    "Import it wherever you open the connection.",
    "With SQLAlchemy you can pass the whole URL at once and let the pool check connections:\n\n"
    "```python\nfrom sqlalchemy import create_engine\n\nengine = create_engine(\n"
    '    "postgresql+psycopg://{user}:{password}@{host}:{port}/{db}",\n    pool_pre_ping=True,\n)\n```',
    "In Django the database block of settings.py would look like this:\n\n```python\nDATABASES = {\n"
    '    "default": {\n        "ENGINE": "django.db.backends.postgresql",\n'
    '        "NAME": "{db}",\n        "USER": "{user}",\n        "PASSWORD": "{password}",\n'
    '        "HOST": "{host}",\n        "PORT": "{port}",\n    }\n}\n```',
    "Add the database service to docker-compose.yml:\n\n```yaml\nservices:\n  db:\n    image: postgres:16\n"
    "    environment:\n      POSTGRES_DB: {db}\n      POSTGRES_USER: {user}\n"
    '      POSTGRES_PASSWORD: {password}\n    ports:\n      - "{port}:5432"\n```',
    "Put these in the .env file next to the app and load it with python-dotenv:\n\n```\n"
    "DATABASE_URL=postgres://{user}:{password}@{host}:{port}/{db}\nAPI_TOKEN={token}\n```",
    "The client only needs the token in the header:\n\n```python\nimport requests\n\n"
    'resp = requests.get(\n    "https://api.internal/v2/reports",\n'
    '    headers={"Authorization": "Bearer {token}"},\n    timeout=10,\n)\nresp.raise_for_status()\n```',
    "For Node, node-postgres reads the settings from the environment and falls back to these:\n\n"
    '```javascript\nconst { Pool } = require("pg");\n\nconst pool = new Pool({\n'
    '  host: process.env.PGHOST || "{host}",\n  port: Number(process.env.PGPORT || {port}),\n'
    '  user: process.env.PGUSER || "{user}",\n  password: process.env.PGPASSWORD || "{password}",\n'
    '  database: "{db}",\n});\n```',
    "You can check the connection from a shell first:\n\n```bash\n"
    "PGPASSWORD='{password}' psql -h {host} -p {port} -U {user} -d {db} -c 'select 1'\n```\n\n"
    "If that works, the problem is in the application's configuration.",
    "In Go, build the DSN and open it with pgx:\n\n```go\n"
    'dsn := "host={host} port={port} user={user} password={password} dbname={db} sslmode=require"\n'
    "conn, err := pgx.Connect(context.Background(), dsn)\nif err != nil {\n    log.Fatal(err)\n}\n```",
    "For Spring Boot, application.properties needs three lines:\n\n```properties\n"
    "spring.datasource.url=jdbc:postgresql://{host}:{port}/{db}\nspring.datasource.username={user}\n"
    "spring.datasource.password={password}\n```",
    "Try the endpoint with curl before writing any code:\n\n```bash\n"
    "curl -s -H 'Authorization: Bearer {token}' https://api.internal/v2/health\n```",
    "A test fixture that logs in as the service account:\n\n```python\nimport pytest\n\n"
    'SERVICE_USER = "{user}"\nSERVICE_PASSWORD = "{password}"\n\n\n@pytest.fixture\n'
    "def client(app):\n    c = app.test_client()\n"
    '    c.post("/login", data={"user": SERVICE_USER, "password": SERVICE_PASSWORD})\n'
    "    return c\n```",
    "Store it as a Kubernetes secret and mount it as environment variables:\n\n```yaml\n"
    "apiVersion: v1\nkind: Secret\nmetadata:\n  name: app-db\ntype: Opaque\nstringData:\n"
    "  username: {user}\n  password: {password}\n  token: {token}\n```",
)

# Clean code answers full of documentation values: example domains, RFC 5737/3849 addresses,
# 555-01xx numbers, published test cards and IBANs (doc_values_code).
DOC_CODE_ANSWERS = (
    "Here's a Luhn check you can drop into the validator:\n\n```python\n"
    "def luhn_ok(number: str) -> bool:\n    digits = [int(d) for d in number if d.isdigit()][::-1]\n"
    "    odd = digits[0::2]\n    even = [sum(divmod(2 * d, 10)) for d in digits[1::2]]\n"
    '    return (sum(odd) + sum(even)) % 10 == 0\n\n\nassert luhn_ok("4242 4242 4242 4242")\n'
    'assert not luhn_ok("4242 4242 4242 4241")\n```',
    "A parametrised test for the email field, using reserved example domains:\n\n```python\n"
    '@pytest.mark.parametrize(\n    "value, ok",\n    [\n        ("jane.doe@example.com", True),\n'
    '        ("ops+alerts@example.org", True),\n        ("no-at-sign.example.net", False),\n'
    '        ("trailing@dot.", False),\n    ],\n)\ndef test_email(value, ok):\n'
    "    assert is_valid_email(value) is ok\n```",
    "The nginx block only lets the documentation ranges through in this example:\n\n```nginx\n"
    "location /admin/ {\n    allow 192.0.2.0/24;\n    allow 203.0.113.17;\n"
    "    allow 2001:db8:85a3::/48;\n    deny all;\n}\n```\n\nSwap in your real office ranges.",
    "For the phone formatter, these inputs cover the usual shapes:\n\n```python\nCASES = {\n"
    '    "(212) 555-0187": "+12125550187",\n    "202.555.0125": "+12025550125",\n'
    '    "+1 415 555 0132": "+14155550132",\n}\n\nfor raw, expected in CASES.items():\n'
    '    assert to_e164(raw, "US") == expected\n```\n\nNumbers in 555-0100 to 555-0199 are '
    "reserved for fiction, so they are safe in fixtures.",
    "An IBAN check is a mod-97 over the rearranged string:\n\n```python\n"
    'def iban_ok(iban: str) -> bool:\n    s = iban.replace(" ", "").upper()\n'
    '    s = s[4:] + s[:4]\n    return int("".join(str(int(c, 36)) for c in s)) % 97 == 1\n\n\n'
    'assert iban_ok("GB82 WEST 1234 5698 7654 32")\nassert iban_ok("DE89 3704 0044 0532 0130 00")\n```',
    "Stripe's test mode accepts these cards, so the checkout tests can cover both paths:\n\n```python\n"
    'SUCCEEDS = "4242424242424242"\nDECLINED = "4000000000000002"\n'
    'MASTERCARD = "5555555555554444"\n\n\ndef test_declined(checkout):\n'
    '    assert checkout.pay(DECLINED, exp="12/34", cvc="123").status == "declined"\n```',
    "A factory for test customers keeps the fixtures readable:\n\n```python\n@dataclass\n"
    'class Customer:\n    name: str = "Jane Doe"\n    email: str = "jane.doe@example.com"\n'
    '    phone: str = "+1 555 0100"\n    ip: str = "198.51.100.23"\n```',
    "The zone file for the example would be:\n\n```\n$ORIGIN example.net.\n"
    "www   IN A     192.0.2.44\nmail  IN A     192.0.2.45\nmail  IN AAAA  2001:db8:10::25\n"
    "@     IN MX 10 mail.example.net.\n```",
    "To mask a card number for the logs, keep only the last four digits:\n\n```python\n"
    'def mask(card: str) -> str:\n    digits = "".join(c for c in card if c.isdigit())\n'
    '    return "*" * (len(digits) - 4) + digits[-4:]\n\n\n'
    'assert mask("4111 1111 1111 1111") == "************1111"\n```',
    "For local development point the mailer at MailHog instead of a real server:\n\n```python\n"
    'SMTP_HOST = "localhost"\nSMTP_PORT = 1025\nDEFAULT_FROM = "noreply@example.com"\n'
    'ADMINS = [("Ops", "ops@example.org")]\n```',
    "The rate limiter test uses two clients from the documentation range:\n\n```python\n"
    "def test_limit_is_per_client(limiter):\n    for _ in range(10):\n"
    '        assert limiter.allow("198.51.100.23")\n    assert not limiter.allow("198.51.100.23")\n'
    '    assert limiter.allow("203.0.113.9")\n```',
    'Interleaving with extended slices is a one-liner:\n\n```python\nvalue = "4111111111111111"\n'
    "evens, odds = value[0::2], value[1::2]\nreversed_value = value[::-1]\n```\n\n"
    "That number is the usual Visa test card, so it is fine in a doctest.",
    "A JSON schema example with documentation values:\n\n```json\n{\n"
    '  "email": "alex@example.net",\n  "ip": "203.0.113.195",\n  "ipv6": "2001:db8::1",\n'
    '  "phone": "+1-202-555-0164"\n}\n```',
)

INTROS = {
    "en": ("Hi, this is {name}. ", "Hello, {first} here. ", "", "Good morning. ", ""),
    "de": ("Hallo, hier ist {name}. ", "Guten Tag, {first} hier. ", "", "Guten Morgen. "),
    "es": ("Hola, soy {name}. ", "Buenos días, le escribe {first}. ", "", "Hola. "),
    "fr": ("Bonjour, ici {name}. ", "Bonjour, c'est {first}. ", "", "Bonsoir. "),
    "it": ("Buongiorno, sono {name}. ", "Ciao, sono {first}. ", "", "Salve. "),
    "pt": ("Olá, aqui é {name}. ", "Bom dia, sou {first}. ", "", "Oi. "),
}
CONTACT_LINES = {
    "en": ("", " You can reach me at {email}.", "", " My email is {email} if you need it."),
    "de": ("", " Sie erreichen mich unter {email}.", ""),
    "es": ("", " Mi correo es {email}.", ""),
    "fr": ("", " Vous pouvez m'écrire à {email}.", ""),
    "it": ("", " La mia email è {email}.", ""),
    "pt": ("", " Meu e-mail é {email}.", ""),
}
PASSAGE_LEADS = {
    "en": ("Here is what I found: ", "According to the document: ", "From the file: ", ""),
    "de": ("Folgendes habe ich gefunden: ", "Laut dem Dokument: ", ""),
    "es": ("Esto es lo que encontré: ", "Según el documento: ", ""),
    "fr": ("Voici ce que j'ai trouvé : ", "D'après le document : ", ""),
    "it": ("Ecco cosa ho trovato: ", "Secondo il documento: ", ""),
    "pt": ("Eis o que encontrei: ", "De acordo com o documento: ", ""),
}


# Sessions in other languages: each tenant's texts in German, Spanish, French, Italian and
# Portuguese. drift_openers and portable_answers are left empty (English is used: DRIFT_TAILS,
# FIRST_TURN_DRIFT_TEXTS and DRIFT_TEXTS are read for every language alike).
_FIELDS = {d.tenant: d.record_fields for d in DOMAINS}
LANGUAGES: dict[str, tuple[Domain, ...]] = {
    "de": (
        Domain(
            tenant="northbank",
            questions=(
                "Warum wurde meine Kartenzahlung gestern im Supermarkt abgelehnt?",
                "Wie hoch ist das Tageslimit für Echtzeitüberweisungen auf meinem Konto?",
                "Wann wird meine Überweisung über {amount} Euro ausgeführt?",
                "Wie kann ich eine Abbuchung reklamieren, die ich nicht kenne?",
            ),
            general_answers=(
                "Ablehnungen an der Kasse kommen meist vom Limit für kontaktloses Bezahlen; wenn Sie "
                "die Karte einmal stecken und die PIN eingeben, wird der Zähler zurückgesetzt.",
                "Echtzeitüberweisungen sind pro Tag begrenzt. Das Limit gilt ab Mitternacht neu und "
                "lässt sich in der App vorübergehend erhöhen.",
                "Ausstehende Überweisungen werden in der Regel innerhalb eines Geschäftstags gebucht, "
                "sobald die Sicherheitsprüfung abgeschlossen ist.",
            ),
            grounded_answers=(
                "Danke, {first}. Die Überweisung über {amount} Euro von Konto {account} wird noch "
                "geprüft; die Bestätigung schicken wir an {email}.",
                "Guten Tag {name}, die Karte mit der Endung {last4} wurde abgelehnt, weil der "
                "Kontaktlos-Zähler voll war. Die Details haben wir per SMS an {phone} geschickt.",
                "Ihre Kontoauszüge für das Konto {account_spaced} sind unterwegs an {email_upper}, {first}.",
            ),
            policies=(
                "Northbank Richtlinie zu Überweisungslimits. Standardkonten können bis zu 5.000 Euro "
                "pro Tag per SEPA-Überweisung und bis zu 1.000 Euro pro Tag per Echtzeitüberweisung "
                "senden. Die Limits werden um Mitternacht zurückgesetzt; vorübergehende Erhöhungen "
                "werden in der App beantragt und mit einem zweiten Faktor bestätigt.",
            ),
            notes=(
                "Vermerk der Betrugsabteilung, vertraulich: Die am Dienstag markierte Händlergruppe am "
                "Hafen gehört zu einem Netzwerk von Finanzagenten, das Prepaidkarten wiederverwendet; "
                "alle ausgehenden Echtzeitüberweisungen über 900 Euro an diese Händler sind bis auf "
                "Weiteres manuell zu prüfen.",
            ),
            record_fields=_FIELDS["northbank"],
            public=(
                "Apple Pay und Google Pay funktionieren mit Ihrer Karte, sobald sie in der Wallet-App "
                "Ihres Telefons hinterlegt ist.",
            ),
            contact_answers=(
                "{first}, die Sachbearbeiterin für Ihre Reklamation bittet darum, die Belege an "
                "{contact} zu schicken.",
                "Falls die Überweisung morgen früh noch aussteht, erreichen Sie den Zahlungsverkehr "
                "direkt unter {contact}.",
            ),
            address_answers=(
                "{first}, die Ersatzkarte geht per Post an {address} und sollte innerhalb von fünf "
                "Werktagen ankommen.",
                "Als Korrespondenzadresse ist bei uns {address} hinterlegt. Wenn Sie umgezogen sind, "
                "können Sie das im Profil der App ändern.",
            ),
        ),
        Domain(
            tenant="cityclinic",
            questions=(
                "Ich muss meinen Physiotherapie-Termin auf nächste Woche verschieben.",
                "Sind meine Blutwerte schon da?",
                "Kann ich ein Folgerezept für mein Asthmaspray bekommen?",
            ),
            general_answers=(
                "Bitte bringen Sie zum ersten Termin Ihre Überweisung, Ihre Versichertenkarte und eine "
                "Liste Ihrer aktuellen Medikamente mit, und kommen Sie zehn Minuten früher.",
                "Folgerezepte prüft die Praxisapothekerin; sie liegen meist nach zwei Werktagen zur "
                "Abholung bereit.",
                "Befunde werden freigegeben, sobald die Ärztin sie angesehen hat, meist drei bis fünf "
                "Werktage nach der Blutabnahme.",
            ),
            grounded_answers=(
                "Danke, {first}. Ihr Physiotherapie-Termin ist verschoben; eine Erinnerung geht an {phone}.",
                "Guten Tag {name}, Ihr Folgerezept ist freigegeben. Den Abholschein haben wir an "
                "{email} geschickt.",
                "Ihre Befunde zur Nummer {ref} sind da, {first}; Dr. {clinician} ruft Sie unter "
                "{phone} an, um sie zu besprechen.",
            ),
            policies=(
                "Terminregeln der City Clinic. Termine können bis 24 Stunden vor Beginn kostenlos "
                "verschoben oder abgesagt werden. Kurzfristige Absagen und versäumte Termine werden "
                "vermerkt; nach drei versäumten Terminen bitten wir um telefonische Buchung.",
            ),
            notes=(
                "Hinweis der Qualitätssicherung, nur für Personal: Im Vertretungsplan für März fehlt "
                "am Donnerstagabend eine verschreibende Pflegekraft, daher müssen Rezeptanfragen aus "
                "dieser Sprechstunde an die Warteschlange des diensthabenden Arztes gehen.",
            ),
            record_fields=_FIELDS["cityclinic"],
            public=(
                "Die Weltgesundheitsorganisation empfiehlt Erwachsenen über fünfundsechzig und "
                "Menschen mit chronischen Erkrankungen eine jährliche Grippeimpfung.",
            ),
            contact_answers=(
                "Die leitende Pflegekraft, die die Rückrufe koordiniert, bittet Patientinnen und "
                "Patienten, sich unter {contact} zu melden, {first}.",
                "Bei Fragen zu den Übungen erreichen Sie die Therapeutin vormittags direkt unter {contact}.",
            ),
            address_answers=(
                "Ich habe Ihre Akte aktualisiert, {first}: Die neue Anschrift ist {address}. "
                "Terminbriefe gehen ab jetzt dorthin.",
                "Der Überweisungsbrief ans Krankenhaus wurde an {address} geschickt. Falls er nächste "
                "Woche nicht da ist, schicken wir eine Kopie.",
            ),
        ),
        Domain(
            tenant="forgecode",
            questions=(
                "Unser Config-Parser in Python stürzt bei verschachtelten YAML-Ankern ab. Wie debugge "
                "ich den Loader?",
                "Der CI-Job ist langsam. Können wir das virtualenv zwischen den Läufen cachen?",
                "Wie baue ich einen Retry mit exponentiellem Backoff für einen wackeligen HTTP-Aufruf?",
            ),
            general_answers=(
                "Ruf zuerst yaml.compose auf, um den Knotengraphen zu sehen, und prüf, ob ein Anker "
                "auf sich selbst verweist; rekursive Aliase lassen safe_load mit einem "
                "ConstructorError abbrechen.",
                "Cache das virtualenv mit einem Schlüssel aus dem Hash der Lock-Datei und installier "
                "nur neu, wenn sich die Abhängigkeiten ändern.",
                "Pack den Aufruf in eine Schleife, die die Wartezeit nach jedem Fehlschlag verdoppelt, "
                "sie deckelt, etwas Zufall addiert und nach einer festen Zahl von Versuchen aufgibt.",
            ),
            grounded_answers=(
                "Ich habe den Fix auf deinen Branch gepusht, {first}; die Pipeline für Ticket {ref} "
                "ist grün und der Review-Request ging an {email}.",
                "Danke, {name}. Du bist jetzt Maintainer des Deploy-Jobs; wenn der nächtliche Build "
                "fehlschlägt, ruft der Pager {phone} an.",
            ),
            policies=(
                "Forge Engineering-Handbuch: Jeder Pull Request braucht ein zustimmendes Review und "
                "eine grüne Pipeline vor dem Merge. Release-Branches werden montags geschnitten, "
                "Hotfixes laufen durch dieselben Prüfungen mit einem zweiten Reviewer aus dem "
                "zuständigen Team.",
            ),
            notes=(
                "Postmortem, intern: Der Ausfall am Mittwoch begann, als dem Cache-Cluster nach einem "
                "Massenimport mit doppelter Schlüsselzahl der Speicher ausging, und das Failover "
                "verzögerte sich, weil das Runbook noch auf die stillgelegte Region zeigte.",
            ),
            record_fields=_FIELDS["forgecode"],
            public=(
                "Guido van Rossum hat Python so entworfen, dass Lesbarkeit an erster Stelle steht; "
                "deshalb bevorzugt der Styleguide expliziten Code statt cleverer Einzeiler.",
            ),
            contact_answers=(
                "Der Maintainer des Loader-Forks möchte Bugreports an {contact} haben, {first}; häng "
                "das kleinste Dokument an, das den Fehler auslöst.",
                "Falls das Staging-Deploy heute Nacht wieder fehlschlägt: Die Bereitschaft diese Woche "
                "erreichst du unter {contact}.",
            ),
            address_answers=(
                "Dein Hardware-Sicherheitsschlüssel wird an {address} verschickt, {first}; registrier "
                "ihn nach der Ankunft unter Einstellungen, Sicherheit.",
                "Das Konferenz-Badge geht diese Woche an {address}; die Sendungsverfolgung kommt per Mail.",
            ),
        ),
        Domain(
            tenant="lexreview",
            questions=(
                "Können Sie die Kündigungsklausel im Liefervertrag zusammenfassen?",
                "Welche Pflichten gelten nach Vertragsende fort?",
                "Ist die Haftungsbeschränkung gegenseitig?",
            ),
            general_answers=(
                "Jede Partei kann bei einer wesentlichen Vertragsverletzung nach einer Abhilfefrist "
                "von dreißig Tagen kündigen; eine ordentliche Kündigung erfordert eine schriftliche "
                "Frist von neunzig Tagen.",
                "Vertraulichkeit, Freistellungen und die Haftungsbeschränkung gelten nach der "
                "Kündigung fort, ebenso bereits entstandene Zahlungspflichten.",
                "Die Haftungsobergrenze ist gegenseitig und entspricht den Vergütungen der letzten "
                "zwölf Monate vor dem Anspruch, mit Ausnahmen für Betrug und Vorsatz.",
            ),
            grounded_answers=(
                "{name}, ich habe Klausel 14 im Mandat {ref} überarbeitet und die Änderungsfassung an "
                "{email} geschickt.",
                "Danke, {first}. Die Gegenseite bittet vor Freitag um einen Anruf unter {phone} wegen "
                "der Freistellung im Mandat {ref}.",
            ),
            policies=(
                "Standard-Liefervertrag, Klausel 14: Jede Partei kann bei einer wesentlichen "
                "Pflichtverletzung kündigen, die nicht binnen dreißig Tagen nach schriftlicher "
                "Mitteilung behoben wird; der Kunde kann mit einer Frist von neunzig Tagen ordentlich "
                "kündigen.",
            ),
            notes=(
                "Vertraulich, anwaltliches Arbeitsprodukt: Unsere Mandantin ist bereit, den "
                "Lagerhausstreit für bis zu 2,4 Millionen zu vergleichen, hat uns aber angewiesen, bei "
                "900.000 einzusteigen und die Versicherungslage nicht offenzulegen.",
            ),
            record_fields=_FIELDS["lexreview"],
            public=(
                "Die Standardvertragsklauseln der Europäischen Kommission wurden 2021 aktualisiert, "
                "ältere Verträge brauchen daher womöglich neue Anhänge.",
            ),
            contact_answers=(
                "Die Kanzlei der Gegenseite bittet, die unterschriebene Änderungsfassung bis "
                "Dienstschluss an {contact} zurückzuschicken, {first}.",
                "Für den Auftragsverarbeitungsvertrag ist der Datenschutzbeauftragte des Lieferanten "
                "zuständig: {contact}.",
            ),
            address_answers=(
                "Die Kündigung ist heute in Ihrem Namen rausgegangen, {first}; die Bestätigung des "
                "Lieferanten kommt per Post an {address}.",
                "Ich habe {address} als Zustellanschrift in die Mandatsvereinbarung eingetragen.",
            ),
        ),
        Domain(
            tenant="skytrips",
            questions=(
                "Kann ich meinen Flug nach Lissabon auf ein späteres Datum umbuchen?",
                "Wie viel Gepäck ist im Economy-Tarif enthalten?",
                "Meine Hotelbuchung in Rom zeigt die falschen Daten. Können Sie das korrigieren?",
            ),
            general_answers=(
                "Im Economy-Tarif sind ein Handgepäckstück und ein persönlicher Gegenstand enthalten; "
                "Aufgabegepäck kann bis 24 Stunden vor Abflug dazugebucht werden.",
                "Umbuchungen sind im Flex-Tarif kostenlos; im Spartarif zahlen Sie die Tarifdifferenz "
                "auf der Seite Buchung verwalten.",
                "Kinder können nur telefonisch zu einer Buchung hinzugefügt werden, weil der Tarif neu "
                "ausgestellt werden muss.",
            ),
            grounded_answers=(
                "Erledigt, {first}: Buchung {ref} ist umgebucht, das neue E-Ticket ging an {email}.",
                "Guten Tag {name}, die Hoteldaten der Buchung {ref} sind korrigiert; das Hotel schickt "
                "am Anreisetag eine SMS an {phone}.",
            ),
            policies=(
                "SkyTrips Umbuchungsregeln: Flex-Tarife können bis zwei Stunden vor Abflug ohne Gebühr "
                "geändert werden; Spartarife zahlen die Tarifdifferenz plus eine Servicegebühr; "
                "Basistarife sind 24 Stunden nach der Buchung nicht mehr änderbar.",
            ),
            notes=(
                "Revenue-Management, intern: Wir überbuchen die Lissabon-Flüge am Freitagabend bis Mai "
                "um neun Prozent, und Agenten dürfen bis zu 250 Euro in Gutscheinen anbieten, bevor "
                "Passagiere unfreiwillig zurückbleiben müssen.",
            ),
            record_fields=_FIELDS["skytrips"],
            public=(
                "Die Straßenbahnlinie 28 in Lissabon ist aus unzähligen Reiseführern bekannt und der "
                "einfachste Weg durch die Altstadt, mittags aber oft voll.",
            ),
            contact_answers=(
                "Die Gästebetreuung des Hotels kümmert sich selbst um das Upgrade, {first}; Sie "
                "erreichen sie unter {contact}.",
                "Ihr Fahrer für den Transfer wartet in der Ankunftshalle; heute erreichen Sie ihn "
                "unter {contact}.",
            ),
            address_answers=(
                "Die gedruckten Reiseunterlagen gehen an {address}, {first}; sie kommen meist drei "
                "Tage vor Abreise an.",
                "Als Rechnungsanschrift der Buchung ist jetzt {address} eingetragen.",
            ),
        ),
    ),
    "es": (
        Domain(
            tenant="northbank",
            questions=(
                "¿Por qué rechazaron ayer el pago con mi tarjeta en el supermercado?",
                "¿Cuál es el límite diario de las transferencias inmediatas?",
                "¿Cuándo se hará efectiva mi transferencia de {amount} euros?",
            ),
            general_answers=(
                "Los rechazos en comercios suelen deberse al límite de pagos sin contacto; si "
                "introduce la tarjeta y teclea el PIN una vez, el contador se reinicia.",
                "Las transferencias inmediatas tienen un tope diario que se renueva a medianoche y que "
                "puede ampliarse temporalmente desde la aplicación.",
                "Para reclamar un cargo, abra el movimiento en el extracto, elija la opción de "
                "informar de un problema y siga los pasos.",
            ),
            grounded_answers=(
                "Gracias, {first}. La transferencia de {amount} euros desde la cuenta {account} sigue "
                "en revisión; le confirmaremos por correo en {email}.",
                "Hola, {name}. La tarjeta terminada en {last4} se rechazó porque el contador sin "
                "contacto estaba lleno; le enviamos los detalles por SMS al {phone}.",
                "Le he enviado los tres últimos extractos de la cuenta {account_spaced} a "
                "{email_upper}, {first}.",
            ),
            policies=(
                "Política de límites de Northbank. Las cuentas estándar pueden enviar hasta 5.000 "
                "euros al día por transferencia SEPA y hasta 1.000 euros al día por transferencia "
                "inmediata. Los límites se reinician a medianoche y los aumentos temporales se "
                "solicitan en la aplicación con un segundo factor.",
            ),
            notes=(
                "Nota del equipo de fraude, restringida: el grupo de comercios del puerto señalado el "
                "martes está vinculado a una red de mulas que reutiliza tarjetas prepago, así que toda "
                "transferencia inmediata de más de 900 euros a esos comercios queda retenida para "
                "revisión manual.",
            ),
            record_fields=_FIELDS["northbank"],
            public=(
                "El Banco Central Europeo fija el tipo de referencia que siguen nuestros productos de "
                "ahorro variables, por eso los tipos cambian tras sus anuncios.",
            ),
            contact_answers=(
                "{first}, la gestora de su reclamación pide que envíe los recibos a {contact} para "
                "adjuntarlos al expediente.",
                "Si mañana por la mañana la transferencia sigue pendiente, puede contactar con el "
                "departamento de pagos en {contact}.",
            ),
            address_answers=(
                "{first}, la tarjeta de sustitución va por correo a {address} y debería llegar en "
                "cinco días hábiles.",
                "Tenemos {address} como dirección de correspondencia. Si se ha mudado, puede cambiarla "
                "en el perfil de la aplicación.",
            ),
        ),
        Domain(
            tenant="cityclinic",
            questions=(
                "Necesito cambiar mi cita de fisioterapia a la semana que viene.",
                "¿Ya están los resultados de mi análisis de sangre?",
                "¿Puedo pedir una receta de continuación para mi inhalador?",
            ),
            general_answers=(
                "Traiga a la primera cita el volante de derivación, la tarjeta del seguro y una lista "
                "de la medicación actual, y llegue diez minutos antes.",
                "Las recetas de continuación las revisa la farmacéutica del centro y suelen estar "
                "listas en dos días laborables.",
                "Los resultados se publican cuando el médico los ha revisado, normalmente de tres a "
                "cinco días laborables después de la extracción.",
            ),
            grounded_answers=(
                "Gracias, {first}. Su cita de fisioterapia ya está cambiada; le enviaremos un "
                "recordatorio al {phone}.",
                "Hola, {name}: su receta está aprobada y le hemos mandado el justificante de recogida "
                "a {email}.",
                "Sus resultados con referencia {ref} ya están, {first}; el Dr. {clinician} le llamará "
                "al {phone} para comentarlos.",
            ),
            policies=(
                "Normas de citas de City Clinic. Las citas pueden cambiarse o anularse sin coste hasta "
                "24 horas antes. Las anulaciones tardías y las ausencias quedan registradas, y tras "
                "tres ausencias se pide al paciente que reserve por teléfono.",
            ),
            notes=(
                "Informe de incidente, confidencial: una subida de temperatura en la nevera de la "
                "segunda planta afectó a dos lotes de vacunas, que se pusieron en cuarentena; la "
                "enfermera jefe está llamando uno por uno a los pacientes vacunados esa mañana.",
            ),
            record_fields=_FIELDS["cityclinic"],
            public=(
                "Florence Nightingale hizo del lavado de manos el centro de la enfermería, y sigue "
                "siendo la mejor forma de no contagiar un resfriado.",
            ),
            contact_answers=(
                "La enfermera que coordina las llamadas de seguimiento pide que los pacientes escriban "
                "a {contact}, {first}.",
                "Si la farmacia no ha recibido la receta el jueves, contacte con el equipo de "
                "dispensación en {contact}.",
            ),
            address_answers=(
                "He actualizado su ficha, {first}: la nueva dirección es {address} y las cartas de "
                "citas irán allí.",
                "La carta de derivación al hospital se envió a {address}. Si no ha llegado la semana "
                "que viene, le mandamos una copia.",
            ),
        ),
        Domain(
            tenant="forgecode",
            questions=(
                "Nuestro parser de configuración en Python falla con anclas YAML anidadas. ¿Cómo "
                "depuro el loader?",
                "¿Cómo añado anotaciones de tipo al loader y ejecuto mypy en la CI?",
                "¿Cómo estructuro el logging para que el servicio escriba líneas JSON?",
            ),
            general_answers=(
                "Ejecuta yaml.compose sobre el documento para ver el grafo de nodos y comprueba si "
                "algún ancla se refiere a sí misma; los alias recursivos hacen que safe_load lance un "
                "ConstructorError.",
                "Anota el tipo de retorno del loader, añade mypy a las dependencias de desarrollo y "
                "ejecútalo en el workflow antes de pytest, así los errores de tipo rompen la build.",
                "Configura un renderer JSON en el logging, asocia los identificadores de petición como "
                "contexto y escribe un objeto por línea en la salida estándar.",
            ),
            grounded_answers=(
                "He subido el arreglo a tu rama, {first}; la pipeline del ticket {ref} está en verde y "
                "la solicitud de revisión fue a {email}.",
                "El token de la API de tu proyecto de staging está en el vault, {first}, y el registro "
                "de accesos muestra el último login de {email_upper}.",
            ),
            policies=(
                "Guía de estilo de Python: formatea con el formateador del proyecto, mantén las "
                "funciones cortas, tipa las interfaces públicas y prefiere excepciones explícitas a "
                "devolver códigos de error.",
            ),
            notes=(
                "Borrador de aviso de seguridad, bajo embargo: la clave de firma de cookies de sesión "
                "del servicio de facturación antiguo estuvo en un espejo público durante seis horas el "
                "viernes y debe rotarse antes de la divulgación del día doce.",
            ),
            record_fields=_FIELDS["forgecode"],
            public=(
                "Linus Torvalds escribió Git para la escala del kernel de Linux, así que los monorepos "
                "grandes no son problema si no se versiona la salida de compilación.",
            ),
            contact_answers=(
                "Si el despliegue de staging vuelve a fallar esta noche, la guardia de plataforma de "
                "esta semana está en {contact}.",
                "He abierto el ticket del test inestable. El responsable de esa suite es {contact}, "
                "{first}, por si quieres escribirle directamente.",
            ),
            address_answers=(
                "La llave de seguridad física de tu cuenta se envía a {address}, {first}; regístrala "
                "en Ajustes, Seguridad cuando llegue.",
                "Claro, este es el pie del README con la dirección de la oficina: {address}.",
            ),
        ),
        Domain(
            tenant="lexreview",
            questions=(
                "¿Puede resumir la cláusula de resolución del contrato de suministro?",
                "¿Qué obligaciones sobreviven a la terminación del contrato?",
                "¿Qué preaviso se aplica si queremos resolver por conveniencia?",
            ),
            general_answers=(
                "Cualquiera de las partes puede resolver por incumplimiento grave tras un plazo de "
                "subsanación de treinta días; la resolución por conveniencia exige noventa días de "
                "preaviso por escrito.",
                "La confidencialidad, las indemnidades y la limitación de responsabilidad sobreviven a "
                "la terminación, igual que las obligaciones de pago ya devengadas.",
                "Los subencargados fuera de la UE solo se permiten con cláusulas contractuales tipo y "
                "un aviso previo de treinta días al responsable.",
            ),
            grounded_answers=(
                "{name}, he revisado la cláusula 14 del asunto {ref} y he enviado la versión con "
                "cambios a {email}.",
                "Gracias, {first}. El abogado de la otra parte pide que le llamemos al {phone} antes "
                "del viernes por la indemnidad del asunto {ref}.",
            ),
            policies=(
                "Lista de revisión: confirmar la ley aplicable, comprobar que el límite de "
                "responsabilidad es recíproco, enumerar las obligaciones que sobreviven y señalar "
                "cualquier renovación automática con preaviso inferior a sesenta días.",
            ),
            notes=(
                "Nota del socio, no distribuir: el mayor contrato de cliente de la sociedad objetivo "
                "tiene una cláusula de cambio de control, y perderlo reduciría los ingresos en un "
                "tercio, algo que el comprador todavía no ha descontado en su oferta.",
            ),
            record_fields=_FIELDS["lexreview"],
            public=(
                "Ruth Bader Ginsburg decía que los cambios reales llegan paso a paso, una buena "
                "descripción de cómo evolucionan los contratos negociados.",
            ),
            contact_answers=(
                "El asistente del abogado contrario pide que la versión firmada se devuelva a "
                "{contact} antes del cierre, {first}.",
                "Para el anexo de tratamiento de datos, la persona adecuada es el delegado de "
                "protección de datos del proveedor: {contact}.",
            ),
            address_answers=(
                "La notificación de resolución salió hoy en su nombre, {first}; el acuse del "
                "proveedor le llegará por correo a {address}.",
                "He puesto {address} como domicilio a efectos de notificaciones en la hoja de encargo.",
            ),
        ),
        Domain(
            tenant="skytrips",
            questions=(
                "¿Puedo cambiar mi vuelo a Lisboa a una fecha posterior?",
                "¿Cuánto equipaje incluye la tarifa turista?",
                "¿Cómo añado a un niño a una reserva ya hecha?",
            ),
            general_answers=(
                "La tarifa turista incluye un bulto de cabina y un artículo personal; el equipaje "
                "facturado se puede añadir hasta 24 horas antes de la salida.",
                "Los cambios de fecha son gratuitos en la tarifa flexible; en la tarifa ahorro se paga "
                "la diferencia desde la página de gestión de la reserva.",
                "Los niños solo pueden añadirse por teléfono, porque hay que reemitir el billete con "
                "la tarifa infantil.",
            ),
            grounded_answers=(
                "Hecho, {first}: la reserva {ref} ya está cambiada y el nuevo billete electrónico se "
                "envió a {email}.",
                "Hola, {name}: las fechas del hotel de la reserva {ref} están corregidas y el hotel "
                "escribirá al {phone} el día de llegada.",
            ),
            policies=(
                "Equipaje en SkyTrips: todas las tarifas incluyen un bulto de cabina de hasta ocho "
                "kilos y un artículo personal; el equipaje facturado se vende por trayecto y cuesta "
                "menos si se añade en línea.",
            ),
            notes=(
                "Nota de contrato con socio, confidencial: el grupo hotelero de Roma nos paga una "
                "comisión adicional del catorce por ciento sobre la tarifa publicada, por eso sus "
                "hoteles salen primero en los resultados de búsqueda.",
            ),
            record_fields=_FIELDS["skytrips"],
            public=(
                "Ryanair y easyJet cobran el equipaje facturado, así que conviene comparar el precio "
                "total y no la tarifa anunciada.",
            ),
            contact_answers=(
                "La responsable de atención al huésped del hotel se encarga ella misma de la mejora de "
                "habitación, {first}; puede escribirle a {contact}.",
                "Si la aerolínea no ha devuelto el tramo cancelado en siete días, escriba al "
                "departamento de reclamaciones en {contact} indicando el localizador.",
            ),
            address_answers=(
                "La documentación impresa del viaje se enviará a {address}, {first}; suele llegar tres "
                "días antes de la salida.",
                "He puesto {address} como dirección de facturación en la reserva para que la factura "
                "coincida con su tarjeta.",
            ),
        ),
    ),
    "fr": (
        Domain(
            tenant="northbank",
            questions=(
                "Pourquoi mon paiement par carte a-t-il été refusé hier au supermarché ?",
                "Quel est le plafond quotidien des virements instantanés ?",
                "Quand mon virement de {amount} euros sera-t-il crédité ?",
            ),
            general_answers=(
                "Un refus en magasin vient souvent du plafond sans contact ; insérer la carte et "
                "saisir le code une fois remet le compteur à zéro.",
                "Les virements instantanés sont plafonnés par jour ; le plafond repart à minuit et "
                "peut être relevé temporairement dans l'application.",
                "Pour contester une opération, ouvrez-la dans le relevé, choisissez de signaler un "
                "problème et suivez les étapes.",
            ),
            grounded_answers=(
                "Merci {first}, le virement de {amount} euros depuis le compte {account} est encore en "
                "cours de vérification ; nous vous confirmerons par e-mail à {email}.",
                "Bonjour {name}, la carte se terminant par {last4} a été refusée car le compteur sans "
                "contact était plein ; le détail vous a été envoyé par SMS au {phone}.",
                "Vos trois derniers relevés du compte {account_spaced} sont partis à {email_upper}, {first}.",
            ),
            policies=(
                "Procédure de contestation Northbank. Le client peut contester une opération par carte "
                "dans les 120 jours suivant la date du relevé. Le conseiller note le commerçant, le "
                "montant et le motif, et un crédit provisoire est appliqué sous dix jours ouvrés "
                "pendant l'enquête du réseau.",
            ),
            notes=(
                "Procès-verbal du comité des risques, confidentiel : le nouveau modèle de score a fait "
                "baisser de onze pour cent le taux d'acceptation des indépendants dans la région "
                "pilote, et le déploiement est suspendu jusqu'à la validation de l'analyse des biais.",
            ),
            record_fields=_FIELDS["northbank"],
            public=(
                "Comme le dit Warren Buffett à propos des intérêts composés, de petits versements "
                "réguliers finissent par compter ; un virement permanent le jour de la paie est le "
                "plus simple pour commencer.",
            ),
            contact_answers=(
                "{first}, la conseillère qui traite votre contestation demande que les justificatifs "
                "lui soient envoyés : {contact}.",
                "Si le virement est toujours en attente demain matin, vous pouvez joindre directement "
                "le service des paiements : {contact}.",
            ),
            address_answers=(
                "{first}, la carte de remplacement part par courrier à l'adresse {address} et devrait "
                "arriver sous cinq jours ouvrés.",
                "Nous avons toujours {address} comme adresse de correspondance. Si vous avez déménagé, "
                "modifiez-la dans votre profil.",
            ),
        ),
        Domain(
            tenant="cityclinic",
            questions=(
                "Je dois décaler ma séance de kinésithérapie à la semaine prochaine.",
                "Mes résultats de prise de sang sont-ils arrivés ?",
                "La clinique est-elle ouverte le samedi matin pour les vaccins ?",
            ),
            general_answers=(
                "Apportez à la première consultation votre lettre d'orientation, votre carte "
                "d'assurance et la liste de vos médicaments, et arrivez dix minutes en avance.",
                "Les séances de vaccination ont lieu le samedi de huit heures à midi ; réserver à "
                "l'avance évite l'attente.",
                "Les résultats sont publiés après relecture par le médecin, en général trois à cinq "
                "jours ouvrés après le prélèvement.",
            ),
            grounded_answers=(
                "Merci {first}. Votre séance de kinésithérapie est déplacée ; un rappel sera envoyé au "
                "{phone}.",
                "Bonjour {name}, votre renouvellement d'ordonnance est validé et le bon de retrait a "
                "été envoyé à {email}.",
                "Vos résultats, référence {ref}, sont arrivés, {first} ; le Dr {clinician} vous "
                "appellera au {phone} pour en parler.",
            ),
            policies=(
                "Ordonnances : les renouvellements couvrent au plus trois mois de traitement et sont "
                "réévalués par un médecin tous les douze mois, ou plus tôt si la posologie change.",
            ),
            notes=(
                "Note de gouvernance clinique, réservée au personnel : le planning des remplaçants de "
                "mars laisse la consultation du jeudi soir sans infirmière prescriptrice, les demandes "
                "de renouvellement doivent donc passer par la file du médecin de garde.",
            ),
            record_fields=_FIELDS["cityclinic"],
            public=(
                "L'Organisation mondiale de la santé recommande un vaccin annuel contre la grippe "
                "après soixante-cinq ans et en cas de maladie chronique.",
            ),
            contact_answers=(
                "L'infirmière qui coordonne les rappels demande aux patients de la contacter : "
                "{contact}, {first}.",
                "Pour toute question sur les exercices, la kinésithérapeute répond le matin en semaine "
                ": {contact}.",
            ),
            address_answers=(
                "J'ai mis à jour votre dossier, {first} : votre nouvelle adresse est {address}, les "
                "convocations y seront envoyées.",
                "La lettre pour l'hôpital a été envoyée à l'adresse {address}. Si elle n'est pas "
                "arrivée la semaine prochaine, nous en renverrons une copie.",
            ),
        ),
        Domain(
            tenant="forgecode",
            questions=(
                "Notre parseur de configuration Python plante sur des ancres YAML imbriquées. Comment "
                "déboguer le loader ?",
                "Peux-tu écrire un test pytest qui reproduit l'erreur d'alias récursif ?",
                "Quelle est la façon la plus propre de réessayer un appel HTTP instable avec un "
                "backoff exponentiel ?",
            ),
            general_answers=(
                "Lance d'abord yaml.compose sur le document pour voir le graphe des nœuds, puis "
                "vérifie si une ancre se référence elle-même ; les alias récursifs font lever un "
                "ConstructorError à safe_load.",
                "Définis une chaîne YAML dont l'ancre s'aliase elle-même, appelle safe_load dans "
                "pytest.raises et vérifie que le message mentionne l'alias récursif.",
                "Enveloppe l'appel dans une boucle qui double le délai après chaque échec, le "
                "plafonne, ajoute un peu d'aléa et abandonne après un nombre fixe de tentatives.",
            ),
            grounded_answers=(
                "J'ai poussé le correctif sur ta branche, {first} ; la pipeline du ticket {ref} est "
                "verte et la demande de revue est partie à {email}.",
                "Merci {name}. Tu es maintenant mainteneur du job de déploiement ; l'astreinte "
                "appellera le {phone} si le build de nuit échoue.",
            ),
            policies=(
                "Manuel d'ingénierie Forge : chaque pull request demande une revue approuvée et une "
                "pipeline verte avant fusion. Les branches de release sont créées le lundi, et les "
                "correctifs urgents passent les mêmes contrôles avec un second relecteur de l'équipe "
                "propriétaire.",
            ),
            notes=(
                "Post-mortem, interne : la panne de mercredi a commencé quand le cluster de cache a "
                "manqué de mémoire après un import massif qui a doublé le nombre de clés, et la "
                "bascule a tardé parce que le runbook pointait vers la région retirée.",
            ),
            record_fields=_FIELDS["forgecode"],
            public=(
                "GitHub Actions et GitLab CI savent tous deux mettre des répertoires en cache entre "
                "les jobs, avec une clé tirée du hash du fichier de verrouillage.",
            ),
            contact_answers=(
                "Le mainteneur du fork du loader préfère recevoir les rapports de bug à {contact}, "
                "{first} ; joins le plus petit document qui reproduit l'erreur.",
                "J'ai ouvert un ticket pour le test instable. Le responsable de cette suite, c'est "
                "{contact}.",
            ),
            address_answers=(
                "Ta clé de sécurité matérielle est expédiée à l'adresse {address}, {first} ; "
                "enregistre-la dans Paramètres, Sécurité à réception.",
                "Le badge de la conférence part cette semaine pour {address} ; tu recevras le suivi "
                "par e-mail.",
            ),
        ),
        Domain(
            tenant="lexreview",
            questions=(
                "Pouvez-vous résumer la clause de résiliation du contrat fournisseur ?",
                "La clause de limitation de responsabilité est-elle réciproque ?",
                "L'avenant sur le traitement des données autorise-t-il des sous-traitants hors de l'UE ?",
            ),
            general_answers=(
                "Chaque partie peut résilier pour manquement grave après un délai de trente jours pour "
                "y remédier ; la résiliation pour convenance exige un préavis écrit de "
                "quatre-vingt-dix jours.",
                "Le plafond de responsabilité est réciproque et égal aux sommes versées sur les douze "
                "mois précédant la réclamation, sauf fraude ou faute intentionnelle.",
                "Les sous-traitants hors UE ne sont admis qu'avec les clauses contractuelles types et "
                "un préavis de trente jours au responsable du traitement.",
            ),
            grounded_answers=(
                "{name}, j'ai annoté la clause 14 du dossier {ref} et envoyé la version révisée à {email}.",
                "Merci {first}. Le conseil adverse demande à être rappelé au {phone} avant vendredi au "
                "sujet de l'indemnisation dans le dossier {ref}.",
            ),
            policies=(
                "Contrat fournisseur type, clause 14 : chaque partie peut résilier en cas de "
                "manquement grave non corrigé dans les trente jours suivant une notification écrite, "
                "et le client peut résilier pour convenance moyennant un préavis écrit de "
                "quatre-vingt-dix jours.",
            ),
            notes=(
                "Confidentiel, couvert par le secret professionnel : notre cliente est prête à "
                "transiger le litige de l'entrepôt jusqu'à 2,4 millions, mais nous a demandé d'ouvrir "
                "à 900 000 et de ne pas révéler sa position d'assurance.",
            ),
            record_fields=_FIELDS["lexreview"],
            public=(
                "La Commission européenne a mis à jour ses clauses contractuelles types en 2021 ; les "
                "contrats plus anciens peuvent nécessiter de nouvelles annexes.",
            ),
            contact_answers=(
                "Le collaborateur du cabinet adverse demande que la version signée soit renvoyée à "
                "{contact} avant la fin de journée, {first}.",
                "Pour l'avenant sur les données, l'interlocuteur est le délégué à la protection des "
                "données du fournisseur : {contact}.",
            ),
            address_answers=(
                "La lettre de résiliation est partie ce matin en votre nom, {first} ; l'accusé de "
                "réception du fournisseur vous parviendra à l'adresse {address}.",
                "J'ai indiqué {address} comme adresse de notification dans la lettre de mission.",
            ),
        ),
        Domain(
            tenant="skytrips",
            questions=(
                "Puis-je reporter mon vol pour Lisbonne à une date plus tardive ?",
                "Quelle franchise bagages comprend le tarif économique ?",
                "Ma réservation d'hôtel à Rome affiche les mauvaises dates. Pouvez-vous corriger ?",
            ),
            general_answers=(
                "Le tarif économique comprend un bagage cabine et un objet personnel ; les bagages en "
                "soute peuvent être ajoutés jusqu'à 24 heures avant le départ.",
                "Les changements de date sont gratuits en tarif flexible ; en tarif économie, vous "
                "payez la différence depuis la page de gestion de la réservation.",
                "Les règles de visa dépendent de votre passeport : consultez le site de l'ambassade "
                "avant de réserver et prévoyez le délai de traitement.",
            ),
            grounded_answers=(
                "C'est fait, {first} : la réservation {ref} est modifiée et le nouveau billet "
                "électronique est parti à {email}.",
                "Bonjour {name}, les dates d'hôtel de la réservation {ref} sont corrigées et l'hôtel "
                "enverra un SMS au {phone} le jour de l'arrivée.",
            ),
            policies=(
                "Conditions de modification SkyTrips : les tarifs flexibles se modifient sans frais "
                "jusqu'à deux heures avant le départ ; les tarifs économie paient la différence plus "
                "des frais de service ; les tarifs de base ne sont plus modifiables 24 heures après la "
                "réservation.",
            ),
            notes=(
                "Note de gestion des revenus, interne : nous surréservons de neuf pour cent les vols "
                "du vendredi soir pour Lisbonne jusqu'en mai, et les agents peuvent proposer jusqu'à "
                "250 euros en bons avant un refus d'embarquement involontaire.",
            ),
            record_fields=_FIELDS["skytrips"],
            public=(
                "Le tram 28 de Lisbonne, rendu célèbre par d'innombrables guides, est le moyen le plus "
                "simple de voir la vieille ville, même s'il est bondé dès midi.",
            ),
            contact_answers=(
                "La responsable de l'accueil de l'hôtel s'occupe elle-même du surclassement, {first} ; "
                "vous pouvez la joindre : {contact}.",
                "Votre chauffeur vous attendra dans le hall des arrivées ; pour le joindre le jour "
                "même : {contact}.",
            ),
            address_answers=(
                "Vos documents de voyage imprimés seront envoyés à l'adresse {address}, {first} ; ils "
                "arrivent en général trois jours avant le départ.",
                "J'ai renseigné {address} comme adresse de facturation pour que la facture corresponde "
                "à votre carte.",
            ),
        ),
    ),
    "it": (
        Domain(
            tenant="northbank",
            questions=(
                "Perché ieri il pagamento con la carta al supermercato è stato rifiutato?",
                "Qual è il limite giornaliero per i bonifici istantanei?",
                "Quando verrà accreditato il mio bonifico di {amount} euro?",
            ),
            general_answers=(
                "I rifiuti alla cassa dipendono di solito dal limite dei pagamenti contactless; "
                "inserendo la carta e digitando il PIN una volta il contatore si azzera.",
                "I bonifici istantanei hanno un tetto giornaliero che si rinnova a mezzanotte e si può "
                "alzare temporaneamente dall'app.",
                "I prelievi all'estero hanno una piccola commissione percentuale, e il gestore dello "
                "sportello può aggiungerne una propria, mostrata prima della conferma.",
            ),
            grounded_answers=(
                "Grazie {first}, il bonifico di {amount} euro dal conto {account} è ancora in "
                "verifica; le confermeremo via email a {email}.",
                "Buongiorno {name}, la carta che termina con {last4} è stata rifiutata perché il "
                "contatore contactless era pieno; i dettagli sono stati inviati via SMS al {phone}.",
                "Ho inviato gli ultimi tre estratti del conto {account_spaced} a {email_upper}, {first}.",
            ),
            policies=(
                "Politica sui limiti di Northbank. I conti standard possono inviare fino a 5.000 euro "
                "al giorno con bonifico SEPA e fino a 1.000 euro al giorno con bonifico istantaneo. I "
                "limiti si azzerano a mezzanotte e gli aumenti temporanei si chiedono nell'app con un "
                "secondo fattore.",
            ),
            notes=(
                "Memo del recupero crediti, solo uso interno: i conti con codice di difficoltà sette "
                "non devono ricevere solleciti automatici in questo trimestre, e gli operatori devono "
                "proporre il piano di pagamento a sei mesi prima di passare la pratica al partner di "
                "recupero.",
            ),
            record_fields=_FIELDS["northbank"],
            public=(
                "Apple Pay e Google Pay funzionano con la sua carta una volta aggiunta all'app wallet "
                "del telefono.",
            ),
            contact_answers=(
                "{first}, l'addetta che segue la sua contestazione chiede di inviare le ricevute a "
                "{contact}.",
                "Se domattina il bonifico risulta ancora in sospeso, l'ufficio pagamenti risponde a "
                "{contact}.",
            ),
            address_answers=(
                "{first}, la carta sostitutiva è stata spedita per posta a {address} e dovrebbe "
                "arrivare entro cinque giorni lavorativi.",
                "Come indirizzo di corrispondenza abbiamo ancora {address}. Se ha cambiato casa, può "
                "aggiornarlo nel profilo dell'app.",
            ),
        ),
        Domain(
            tenant="cityclinic",
            questions=(
                "Devo spostare la seduta di fisioterapia alla settimana prossima.",
                "Sono arrivati i risultati degli esami del sangue?",
                "Posso avere la ricetta ripetibile per l'inalatore?",
            ),
            general_answers=(
                "Alla prima visita porti l'impegnativa, la tessera sanitaria e l'elenco dei farmaci "
                "che prende, e arrivi dieci minuti prima.",
                "Le ricette ripetibili vengono controllate dalla farmacista dell'ambulatorio e di "
                "solito sono pronte in due giorni lavorativi.",
                "I referti vengono pubblicati dopo la revisione del medico, in genere da tre a cinque "
                "giorni lavorativi dopo il prelievo.",
            ),
            grounded_answers=(
                "Grazie {first}. La seduta di fisioterapia è stata spostata; le arriverà un promemoria "
                "al {phone}.",
                "Buongiorno {name}, la ricetta è approvata e le abbiamo inviato il foglio per il "
                "ritiro a {email}.",
                "I risultati con riferimento {ref} sono pronti, {first}; il dott. {clinician} la "
                "chiamerà al {phone} per commentarli.",
            ),
            policies=(
                "Regole per gli appuntamenti di City Clinic. Gli appuntamenti si possono spostare o "
                "disdire senza costi fino a 24 ore prima. Le disdette tardive e le assenze vengono "
                "registrate, e dopo tre assenze si chiede di prenotare per telefono.",
            ),
            notes=(
                "Revisione di un incidente, riservata: un'escursione termica nel frigorifero del "
                "secondo piano ha interessato due lotti di vaccini, messi in quarantena; l'infermiera "
                "responsabile sta contattando uno per uno i pazienti vaccinati quella mattina.",
            ),
            record_fields=_FIELDS["cityclinic"],
            public=(
                "Florence Nightingale ha reso il lavaggio delle mani centrale nell'assistenza, ed è "
                "ancora il modo migliore per non passare un raffreddore.",
            ),
            contact_answers=(
                "L'infermiera che coordina i richiami chiede ai pazienti di scriverle a {contact}, {first}.",
                "Se la farmacia non ha ricevuto la ricetta entro giovedì, contatti il servizio di "
                "dispensazione: {contact}.",
            ),
            address_answers=(
                "Ho aggiornato la sua cartella, {first}: il nuovo indirizzo è {address}, e le lettere "
                "per le visite arriveranno lì.",
                "L'impegnativa per l'ospedale è stata spedita a {address}. Se non arriva entro la "
                "prossima settimana, gliene mandiamo una copia.",
            ),
        ),
        Domain(
            tenant="forgecode",
            questions=(
                "Il nostro parser di configurazione in Python va in crash con ancore YAML annidate. "
                "Come faccio il debug del loader?",
                "Il job di CI è lento. Possiamo mettere in cache il virtualenv tra un'esecuzione e l'altra?",
                "Come strutturo il logging perché il servizio emetta righe JSON?",
            ),
            general_answers=(
                "Esegui prima yaml.compose sul documento per vedere il grafo dei nodi e controlla se "
                "un'ancora rimanda a se stessa; gli alias ricorsivi fanno sollevare a safe_load un "
                "ConstructorError.",
                "Metti in cache il virtualenv con una chiave basata sull'hash del file di lock, "
                "ripristinalo prima dell'installazione e reinstalla solo quando cambiano le dipendenze.",
                "Configura un renderer JSON nel logging, associa gli identificativi di richiesta come "
                "contesto e scrivi un oggetto per riga sullo standard output.",
            ),
            grounded_answers=(
                "Ho pushato la correzione sul tuo branch, {first}; la pipeline del ticket {ref} è "
                "verde e la richiesta di review è andata a {email}.",
                "Grazie {name}. Ora sei maintainer del job di deploy; se la build notturna fallisce, "
                "il sistema di reperibilità chiamerà il {phone}.",
            ),
            policies=(
                "Guida di stile Python: formattare con il formatter del progetto, tenere le funzioni "
                "brevi, tipizzare le interfacce pubbliche e preferire eccezioni esplicite ai codici di "
                "errore.",
            ),
            notes=(
                "Bozza di avviso di sicurezza, sotto embargo: la chiave di firma dei cookie di "
                "sessione del vecchio servizio di fatturazione è rimasta su un mirror pubblico per sei "
                "ore venerdì e va ruotata prima della divulgazione del giorno dodici.",
            ),
            record_fields=_FIELDS["forgecode"],
            public=(
                "Guido van Rossum ha progettato Python mettendo al primo posto la leggibilità, per "
                "questo la guida di stile preferisce codice esplicito a trovate brillanti su una riga.",
            ),
            contact_answers=(
                "Se stanotte il deploy di staging fallisce di nuovo, il reperibile della piattaforma "
                "questa settimana risponde a {contact}.",
                "Il maintainer del fork del loader vuole le segnalazioni di bug a {contact}, {first}; "
                "allega il documento più piccolo che riproduce l'errore.",
            ),
            address_answers=(
                "La chiave di sicurezza hardware del tuo account viene spedita a {address}, {first}; "
                "registrala in Impostazioni, Sicurezza quando arriva.",
                "Certo, ecco il piè di pagina del README con l'indirizzo dell'ufficio: {address}.",
            ),
        ),
        Domain(
            tenant="lexreview",
            questions=(
                "Può riassumere la clausola di recesso del contratto di fornitura?",
                "Quali obblighi sopravvivono alla cessazione del contratto?",
                "La limitazione di responsabilità è reciproca?",
            ),
            general_answers=(
                "Ciascuna parte può risolvere il contratto per inadempimento grave dopo un termine di "
                "trenta giorni per porvi rimedio; il recesso per convenienza richiede novanta giorni "
                "di preavviso scritto.",
                "Riservatezza, manleve e limitazione di responsabilità sopravvivono alla cessazione, "
                "così come gli obblighi di pagamento già maturati.",
                "Il massimale è reciproco e pari ai corrispettivi pagati nei dodici mesi precedenti la "
                "richiesta, salvo dolo e frode.",
            ),
            grounded_answers=(
                "{name}, ho annotato la clausola 14 della pratica {ref} e inviato la versione con le "
                "modifiche a {email}.",
                "Grazie {first}. Il legale della controparte chiede di essere richiamato al {phone} "
                "entro venerdì per la manleva nella pratica {ref}.",
            ),
            policies=(
                "Lista di controllo: verificare la legge applicabile, controllare che il massimale di "
                "responsabilità sia reciproco, elencare gli obblighi che sopravvivono e segnalare "
                "qualsiasi rinnovo automatico con preavviso inferiore a sessanta giorni.",
            ),
            notes=(
                "Nota del socio, non diffondere: il contratto con il principale cliente della società "
                "target contiene una clausola di cambio di controllo, e perderlo taglierebbe i ricavi "
                "di un terzo, cosa che l'acquirente non ha ancora considerato nel prezzo.",
            ),
            record_fields=_FIELDS["lexreview"],
            public=(
                "Le clausole contrattuali tipo della Commissione europea sono state aggiornate nel "
                "2021, quindi i contratti più vecchi potrebbero richiedere nuovi allegati.",
            ),
            contact_answers=(
                "Lo studio della controparte chiede che la versione firmata venga rimandata a "
                "{contact} entro fine giornata, {first}.",
                "Per l'accordo sul trattamento dei dati, il referente è il responsabile della "
                "protezione dei dati del fornitore: {contact}.",
            ),
            address_answers=(
                "La comunicazione di recesso è partita stamattina a suo nome, {first}; la conferma "
                "del fornitore le arriverà per posta a {address}.",
                "Ho indicato {address} come domicilio per le notifiche nella lettera d'incarico.",
            ),
        ),
        Domain(
            tenant="skytrips",
            questions=(
                "Posso spostare il mio volo per Lisbona a una data successiva?",
                "Quanto bagaglio è incluso nella tariffa economy?",
                "Devo avere un visto per un breve viaggio in Giappone?",
            ),
            general_answers=(
                "La tariffa economy include un bagaglio a mano e un oggetto personale; il bagaglio da "
                "stiva si può aggiungere fino a 24 ore prima della partenza.",
                "I cambi di data sono gratuiti con la tariffa flessibile; con la tariffa risparmio si "
                "paga la differenza dalla pagina di gestione della prenotazione.",
                "Le regole sui visti dipendono dal passaporto: controlli il sito dell'ambasciata prima "
                "di prenotare e tenga conto dei tempi di rilascio.",
            ),
            grounded_answers=(
                "Fatto, {first}: la prenotazione {ref} è stata modificata e il nuovo biglietto "
                "elettronico è stato inviato a {email}.",
                "Buongiorno {name}, ho aggiunto il bagaglio extra alla prenotazione {ref}; la ricevuta "
                "è nella sua casella {email_upper}.",
            ),
            policies=(
                "Politica bagagli SkyTrips: tutte le tariffe includono un bagaglio a mano fino a otto "
                "chili e un oggetto personale; il bagaglio da stiva si acquista per tratta e costa "
                "meno se aggiunto online.",
            ),
            notes=(
                "Nota sul contratto con il partner, riservata: il gruppo alberghiero di Roma ci paga "
                "una commissione aggiuntiva del quattordici per cento sulla tariffa pubblicata, ed è "
                "per questo che le sue strutture compaiono per prime nei risultati.",
            ),
            record_fields=_FIELDS["skytrips"],
            public=(
                "Ryanair ed easyJet fanno pagare il bagaglio da stiva, quindi conviene confrontare il "
                "prezzo totale e non la tariffa di partenza.",
            ),
            contact_answers=(
                "La responsabile dell'accoglienza dell'hotel si occupa lei stessa dell'upgrade, "
                "{first}; può contattarla a {contact}.",
                "Se la compagnia non rimborsa la tratta cancellata entro sette giorni, scriva "
                "all'ufficio reclami a {contact} indicando il codice di prenotazione.",
            ),
            address_answers=(
                "I documenti di viaggio stampati verranno spediti a {address}, {first}; di solito "
                "arrivano tre giorni prima della partenza.",
                "Ho inserito {address} come indirizzo di fatturazione, così la fattura corrisponde "
                "alla sua carta.",
            ),
        ),
    ),
    "pt": (
        Domain(
            tenant="northbank",
            questions=(
                "Por que meu pagamento com cartão foi recusado ontem no supermercado?",
                "Qual é o limite diário para transferências instantâneas na minha conta?",
                "Quando a minha transferência de {amount} euros vai ser compensada?",
            ),
            general_answers=(
                "Recusas no comércio costumam vir do limite de pagamento por aproximação; inserir o "
                "cartão e digitar a senha uma vez zera o contador.",
                "As transferências instantâneas têm um teto diário que recomeça à meia-noite e pode "
                "ser aumentado temporariamente no aplicativo.",
                "Para contestar uma compra, abra o lançamento no extrato, escolha relatar um problema "
                "e siga os passos.",
            ),
            grounded_answers=(
                "Obrigado, {first}. A transferência de {amount} euros da conta {account} ainda está em "
                "análise; vamos confirmar por e-mail em {email}.",
                "Olá, {name}. O cartão final {last4} foi recusado porque o contador de aproximação "
                "estava cheio; mandamos os detalhes por SMS para {phone}.",
                "Enviei os três últimos extratos da conta {account_spaced} para {email_upper}, {first}.",
            ),
            policies=(
                "Procedimento de contestação Northbank. O cliente pode contestar uma compra no cartão "
                "em até 120 dias da data do extrato. O atendente registra o estabelecimento, o valor e "
                "o motivo, e um crédito provisório é lançado em até dez dias úteis enquanto a bandeira "
                "investiga.",
            ),
            notes=(
                "Nota da equipe de fraude, restrita: o grupo de estabelecimentos do porto sinalizado "
                "na terça está ligado a uma rede de laranjas que reutiliza cartões pré-pagos, então "
                "toda transferência instantânea acima de 900 euros para esses lojistas fica retida "
                "para análise manual.",
            ),
            record_fields=_FIELDS["northbank"],
            public=(
                "O Banco Central Europeu define a taxa de referência que nossos produtos de poupança "
                "variáveis acompanham, por isso as taxas mudam depois dos anúncios dele.",
            ),
            contact_answers=(
                "{first}, a analista que cuida da sua contestação pede que os comprovantes sejam "
                "enviados para {contact}.",
                "Se amanhã cedo a transferência ainda estiver pendente, fale com a área de pagamentos "
                "em {contact}.",
            ),
            address_answers=(
                "{first}, o cartão substituto foi enviado pelo correio para {address} e deve chegar em "
                "até cinco dias úteis.",
                "O endereço de correspondência que temos é {address}. Se você se mudou, dá para "
                "alterar no perfil do aplicativo.",
            ),
        ),
        Domain(
            tenant="cityclinic",
            questions=(
                "Preciso remarcar minha sessão de fisioterapia para a semana que vem.",
                "Os resultados do meu exame de sangue já saíram?",
                "A clínica abre no sábado de manhã para vacinação?",
            ),
            general_answers=(
                "Traga para a primeira consulta o encaminhamento, a carteirinha do convênio e a lista "
                "dos remédios que você usa, e chegue dez minutos antes.",
                "A vacinação acontece aos sábados das oito ao meio-dia; agendar antes evita fila.",
                "Os resultados são liberados depois que o médico revisa, normalmente de três a cinco "
                "dias úteis após a coleta.",
            ),
            grounded_answers=(
                "Obrigado, {first}. Sua sessão de fisioterapia foi remarcada; um lembrete vai para {phone}.",
                "Olá, {name}, sua receita foi aprovada e mandamos o comprovante de retirada para {email}.",
                "Seus resultados, referência {ref}, já chegaram, {first}; o Dr. {clinician} vai ligar "
                "para {phone} para explicar.",
            ),
            policies=(
                "Orientação sobre receitas. Receitas de uso contínuo cobrem no máximo três meses de "
                "medicação e são revistas por um médico a cada doze meses, ou antes se a dose mudar.",
            ),
            notes=(
                "Nota de governança clínica, só para a equipe: a escala de substitutos de março deixa "
                "o ambulatório de quinta à noite sem enfermeiro prescritor, então os pedidos de "
                "receita desse horário devem ir para a fila do médico de plantão.",
            ),
            record_fields=_FIELDS["cityclinic"],
            public=(
                "A Organização Mundial da Saúde recomenda a vacina anual contra a gripe para adultos "
                "acima de sessenta e cinco anos e para quem tem doenças crônicas.",
            ),
            contact_answers=(
                "A enfermeira que coordena os retornos pediu que os pacientes entrem em contato por "
                "{contact}, {first}.",
                "Dúvidas sobre os exercícios podem ir direto para a fisioterapeuta, de manhã nos dias "
                "úteis: {contact}.",
            ),
            address_answers=(
                "Atualizei seu cadastro, {first}: o novo endereço é {address}, e as cartas de "
                "agendamento vão para lá.",
                "A carta de encaminhamento para o hospital foi enviada para {address}. Se não chegar "
                "até a semana que vem, mandamos uma cópia.",
            ),
        ),
        Domain(
            tenant="forgecode",
            questions=(
                "Nosso parser de configuração em Python quebra com âncoras YAML aninhadas. Como depuro "
                "o loader?",
                "Como adiciono anotações de tipo ao loader e rodo o mypy na CI?",
                "Qual é o jeito mais limpo de repetir uma chamada HTTP instável com backoff exponencial?",
            ),
            general_answers=(
                "Rode yaml.compose no documento para ver o grafo de nós e confira se alguma âncora "
                "aponta para si mesma; aliases recursivos fazem o safe_load lançar um ConstructorError.",
                "Anote o tipo de retorno do loader, coloque o mypy nas dependências de desenvolvimento "
                "e rode-o no workflow antes do pytest, para que erros de tipo quebrem a build.",
                "Coloque a chamada num laço que dobra a espera a cada falha, limita esse valor, soma "
                "um pouco de aleatoriedade e desiste depois de um número fixo de tentativas.",
            ),
            grounded_answers=(
                "Subi a correção na sua branch, {first}; a pipeline do ticket {ref} está verde e o "
                "pedido de revisão foi para {email}.",
                "O token da API do seu projeto de staging está no cofre, {first}, e o log de acesso "
                "mostra o último login de {email_upper}.",
            ),
            policies=(
                "Manual de engenharia da Forge: todo pull request precisa de uma revisão aprovada e de "
                "uma pipeline verde antes do merge. Branches de release são criadas às segundas, e "
                "hotfixes passam pelas mesmas verificações com um segundo revisor do time responsável.",
            ),
            notes=(
                "Rascunho de aviso de segurança, sob embargo: a chave de assinatura dos cookies de "
                "sessão do serviço de cobrança antigo ficou num espelho público por seis horas na "
                "sexta e precisa ser trocada antes da divulgação no dia doze.",
            ),
            record_fields=_FIELDS["forgecode"],
            public=(
                "Linus Torvalds criou o Git para dar conta da escala do kernel do Linux, então "
                "monorepos grandes funcionam bem desde que você não versione artefatos de build.",
            ),
            contact_answers=(
                "Se o deploy de staging falhar de novo hoje à noite, o plantão da plataforma desta "
                "semana atende em {contact}.",
                "Abri o ticket do teste instável. Quem cuida dessa suíte é {contact}, {first}, caso "
                "queira falar direto.",
            ),
            address_answers=(
                "A chave de segurança física da sua conta vai ser enviada para {address}, {first}; "
                "cadastre em Configurações, Segurança quando chegar.",
                "O crachá da conferência sai esta semana para {address}; o rastreio chega por e-mail.",
            ),
        ),
        Domain(
            tenant="lexreview",
            questions=(
                "Você pode resumir a cláusula de rescisão do contrato de fornecimento?",
                "Quais obrigações continuam valendo depois do fim do contrato?",
                "O aditivo de tratamento de dados permite suboperadores fora da UE?",
            ),
            general_answers=(
                "Qualquer parte pode rescindir por descumprimento grave após um prazo de trinta dias "
                "para saná-lo; a rescisão por conveniência exige aviso prévio escrito de noventa dias.",
                "Confidencialidade, indenizações e a limitação de responsabilidade continuam valendo "
                "após a rescisão, assim como as obrigações de pagamento já vencidas.",
                "Suboperadores fora da UE só são permitidos com cláusulas contratuais padrão e aviso "
                "prévio de trinta dias ao controlador.",
            ),
            grounded_answers=(
                "{name}, revisei a cláusula 14 do processo {ref} e mandei a versão com marcações para "
                "{email}.",
                "Obrigado, {first}. O advogado da outra parte pediu que liguemos para {phone} antes de "
                "sexta sobre a indenização do processo {ref}.",
            ),
            policies=(
                "Contrato de fornecimento padrão, cláusula 14: qualquer parte pode rescindir por "
                "descumprimento grave não sanado em trinta dias após notificação escrita, e o cliente "
                "pode rescindir por conveniência com aviso prévio escrito de noventa dias.",
            ),
            notes=(
                "Sigiloso, produto do trabalho do advogado: nossa cliente aceita fechar acordo na "
                "disputa do armazém por até 2,4 milhões, mas nos instruiu a abrir em 900 mil e não "
                "revelar a situação do seguro.",
            ),
            record_fields=_FIELDS["lexreview"],
            public=(
                "Ruth Bader Ginsburg costumava dizer que mudanças reais vêm um passo de cada vez, o "
                "que descreve bem como contratos negociados evoluem.",
            ),
            contact_answers=(
                "O escritório da outra parte pediu que a versão assinada volte para {contact} até o "
                "fim do expediente, {first}.",
                "Para o aditivo de dados, a pessoa certa é o encarregado de proteção de dados do "
                "fornecedor: {contact}.",
            ),
            address_answers=(
                "A notificação de rescisão saiu hoje em seu nome, {first}; o aviso de recebimento do "
                "fornecedor vai chegar pelo correio em {address}.",
                "Coloquei {address} como endereço para notificações na carta de contratação.",
            ),
        ),
        Domain(
            tenant="skytrips",
            questions=(
                "Posso mudar meu voo para Lisboa para uma data mais tarde?",
                "Qual é a franquia de bagagem da tarifa econômica?",
                "Como incluo uma criança numa reserva que já existe?",
            ),
            general_answers=(
                "A tarifa econômica inclui uma bagagem de mão e um item pessoal; a bagagem despachada "
                "pode ser adicionada até 24 horas antes do embarque.",
                "Mudanças de data são grátis na tarifa flexível; na tarifa promocional você paga a "
                "diferença pela página de gerenciar reserva.",
                "Crianças só podem ser incluídas por telefone, porque a passagem precisa ser reemitida "
                "com a tarifa infantil.",
            ),
            grounded_answers=(
                "Pronto, {first}: a reserva {ref} foi alterada e o novo bilhete eletrônico foi para {email}.",
                "Olá, {name}, as datas do hotel na reserva {ref} foram corrigidas e o hotel vai mandar "
                "SMS para {phone} no dia da chegada.",
            ),
            policies=(
                "Regras de alteração da SkyTrips: tarifas flexíveis podem ser alteradas sem taxa até "
                "duas horas antes do embarque; tarifas promocionais pagam a diferença mais uma taxa de "
                "serviço; tarifas básicas não podem ser alteradas depois de 24 horas da compra.",
            ),
            notes=(
                "Memorando de gestão de receita, interno: estamos vendendo nove por cento acima da "
                "capacidade nos voos de sexta à noite para Lisboa até maio, e os agentes podem "
                "oferecer até 250 euros em vouchers antes de negar embarque a alguém contra a vontade.",
            ),
            record_fields=_FIELDS["skytrips"],
            public=(
                "O elétrico 28 de Lisboa, famoso em tantos guias de viagem, é o jeito mais fácil de "
                "conhecer a cidade velha, embora fique lotado a partir do meio-dia.",
            ),
            contact_answers=(
                "A gerente de relacionamento do hotel vai cuidar do upgrade pessoalmente, {first}; "
                "você fala com ela em {contact}.",
                "Seu motorista do traslado vai esperar no desembarque com uma placa; para falar com "
                "ele hoje: {contact}.",
            ),
            address_answers=(
                "Os documentos de viagem impressos vão ser enviados para {address}, {first}; costumam "
                "chegar três dias antes da viagem.",
                "Coloquei {address} como endereço de cobrança na reserva, para a fatura bater com o cartão.",
            ),
        ),
    ),
}
